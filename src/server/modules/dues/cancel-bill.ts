import type { Clock } from '../../app-deps.js';
import type { Db } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { lockBills, markBillCancelled } from './bill-repository.js';
import { postEntry, receivableByBill } from './ledger/ledger-repository.js';

/**
 * Cancels an open bill assessed in error: a reversing entry takes its receivable back out of dues revenue (the
 * charge itself stays in the books). A payment already under way for it is refunded when it arrives.
 */
export async function cancelBill(
  db: Db,
  clock: Clock,
  input: { municipalityId: string; billId: string; reason: string; actor: Actor },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const [bill] = await lockBills(trx, input.municipalityId, [input.billId]);
    if (!bill) throw notFound('bill');
    if (bill.state !== 'open')
      throw new AppError(
        'bill_not_payable',
        { billId: bill.bill_id, state: bill.state },
        { billId: bill.bill_id },
      );
    const now = clock.now();
    const balance = (await receivableByBill(trx, input.municipalityId, [bill.id], now)).get(bill.id) ?? 0n;
    if (balance > 0n)
      await postEntry(trx, {
        municipalityId: input.municipalityId,
        kind: 'reversal',
        at: now,
        memo: `Bill ${bill.bill_id} cancelled: ${input.reason}`,
        billId: bill.id,
        lines: [
          { account: 'dues_revenue', amountRials: balance },
          { account: 'dues_receivable', amountRials: -balance, parcelId: bill.parcel_id, billId: bill.id },
        ],
      });
    await markBillCancelled(trx, bill.id, input.reason, now);
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'bill.cancelled',
        entityType: 'bill',
        entityId: bill.id,
        details: {
          billId: bill.bill_id,
          year: bill.dues_year,
          reversedRials: balance.toString(),
          reason: input.reason,
        },
      },
      now,
    );
  });
}
