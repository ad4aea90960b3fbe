import type { PaymentState } from '../../db/schema.js';
import { systemActor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { lockBills, markBillsPaid } from '../dues/bill-repository.js';
import { postEntry, receivableByBill } from '../dues/ledger/ledger-repository.js';
import { GatewayUnavailableError, type VerifyResult } from './gateway/payment-gateway.js';
import { gatewayOf, type PaymentDeps } from './payment-deps.js';
import {
  findPaymentAnywhere,
  flagMismatch,
  insertEvent,
  lockPayment,
  updatePayment,
} from './payment-repository.js';
import { enqueueRefund } from './refund-payment.js';

const APPLIED: readonly PaymentState[] = ['paid', 'refund_pending', 'refunded'];

/**
 * Asks the gateway whether a payment was made and records the answer. This is the one path by which money gets
 * into the books, for callbacks and reconciliation alike, and it may run any number of times for one payment:
 * the gateway answers "already verified" the second time, and applying checks the payment's state under a lock.
 * The callback's Status is only a hint; the gateway's verify answer decides.
 */
export async function settlePayment(
  deps: PaymentDeps,
  paymentId: string,
  hint: { source: 'callback' | 'reconcile'; status?: string },
): Promise<PaymentState> {
  const payment = await findPaymentAnywhere(deps.db, paymentId);
  if (!payment) throw new Error(`no payment ${paymentId}`);
  if (APPLIED.includes(payment.state) || !payment.authority) return payment.state;
  let result: VerifyResult;
  try {
    result = await gatewayOf(deps).verify({
      authority: payment.authority,
      amountRials: BigInt(payment.amount_rials),
    });
  } catch (err) {
    if (!(err instanceof GatewayUnavailableError)) throw err;
    await insertEvent(deps.db, {
      municipalityId: payment.municipality_id,
      paymentId,
      at: deps.clock.now(),
      kind: 'verify_unavailable',
      details: { source: hint.source, error: err.message },
    });
    return payment.state;
  }
  await insertEvent(deps.db, {
    municipalityId: payment.municipality_id,
    paymentId,
    at: deps.clock.now(),
    kind: 'verified',
    details: { source: hint.source, ...result },
  });
  if (result.outcome === 'paid') return applyVerifiedPayment(deps, paymentId, result);
  const now = deps.clock.now();
  if (result.outcome === 'rejected') {
    // The gateway refuses to verify this session at all (another amount, an unknown authority): finance must look.
    await deps.db.transaction().execute(async (trx) => {
      await updatePayment(trx, paymentId, ['created', 'pending'], {
        state: 'failed',
        failure_reason: `verify_rejected_${result.code}`,
        completed_at: now,
      });
      await flagMismatch(trx, {
        municipalityId: payment.municipality_id,
        paymentId,
        authority: payment.authority,
        kind: 'verify_rejected',
        details: { code: result.code, message: result.message },
        at: now,
      });
    });
    return 'failed';
  }
  const expired = payment.expires_at.getTime() < now.getTime();
  if (payment.state === 'pending' && (hint.status === 'NOK' || expired)) {
    await updatePayment(deps.db, paymentId, ['pending'], {
      state: 'failed',
      failure_reason: hint.status === 'NOK' && !expired ? 'cancelled' : 'expired',
      completed_at: now,
    });
    return 'failed';
  }
  return payment.state;
}

/**
 * Books a payment the gateway confirmed, in one transaction: with the payment and its bills locked (bills in id
 * order), either every bill is still open and owes what was quoted, and the payment settles them all (cash into
 * gateway clearing, penalty and prize posted, receivables closed); or one is not, and the money is held for
 * refund (gateway clearing against payer refunds) and a reversal is queued. Never both, never twice.
 */
export async function applyVerifiedPayment(
  deps: PaymentDeps,
  paymentId: string,
  verified: Extract<VerifyResult, { outcome: 'paid' }>,
): Promise<PaymentState> {
  return deps.db.transaction().execute(async (trx) => {
    const payment = await lockPayment(trx, paymentId);
    if (!payment) throw new Error(`no payment ${paymentId}`);
    if (APPLIED.includes(payment.state)) return payment.state;
    const m = payment.municipality_id;
    const now = deps.clock.now();
    const items = await trx
      .selectFrom('payment_items')
      .selectAll()
      .where('payment_id', '=', paymentId)
      .execute();
    const bills = await lockBills(
      trx,
      m,
      items.map((item) => item.bill_id),
    );
    const balances = await receivableByBill(
      trx,
      m,
      bills.map((bill) => bill.id),
      now,
    );
    const payable = items.every((item) => {
      const bill = bills.find((b) => b.id === item.bill_id);
      return bill?.state === 'open' && balances.get(bill.id) === BigInt(item.principal_rials);
    });
    const amount = BigInt(payment.amount_rials);
    const gatewayFacts = { verified_at: now, ref_id: verified.refId, card_pan: verified.cardPan };
    if (payable) {
      await postEntry(trx, {
        municipalityId: m,
        kind: 'payment',
        at: now,
        memo: `Payment ${verified.refId} for ${bills.map((b) => b.bill_id).join(', ')}`,
        paymentId,
        lines: [
          { account: 'gateway_clearing', amountRials: amount },
          ...items.flatMap((item) => {
            const parcelId = bills.find((b) => b.id === item.bill_id)?.parcel_id ?? null;
            const at = { parcelId, billId: item.bill_id };
            const penalty = BigInt(item.penalty_rials);
            const prize = BigInt(item.prize_rials);
            return [
              { account: 'dues_receivable' as const, amountRials: penalty, ...at },
              { account: 'penalty_revenue' as const, amountRials: -penalty },
              { account: 'prize_discount' as const, amountRials: prize },
              { account: 'dues_receivable' as const, amountRials: -prize, ...at },
              { account: 'dues_receivable' as const, amountRials: -BigInt(item.amount_rials), ...at },
            ];
          }),
        ],
      });
      await markBillsPaid(
        trx,
        bills.map((b) => b.id),
        paymentId,
        now,
      );
      await updatePayment(trx, paymentId, ['created', 'pending', 'failed'], {
        ...gatewayFacts,
        state: 'paid',
        completed_at: now,
      });
    } else {
      await postEntry(trx, {
        municipalityId: m,
        kind: 'payment',
        at: now,
        memo: `Payment ${verified.refId} received for bills no longer payable; held for refund`,
        paymentId,
        lines: [
          { account: 'gateway_clearing', amountRials: amount },
          { account: 'payer_refunds', amountRials: -amount },
        ],
      });
      await updatePayment(trx, paymentId, ['created', 'pending', 'failed'], {
        ...gatewayFacts,
        state: 'refund_pending',
      });
      await flagMismatch(trx, {
        municipalityId: m,
        paymentId,
        authority: payment.authority,
        kind: 'bill_not_payable',
        details: { bills: bills.filter((b) => b.state !== 'open').map((b) => b.bill_id) },
        at: now,
      });
      await enqueueRefund(trx, m, paymentId, now);
    }
    if (payment.state === 'failed')
      await flagMismatch(trx, {
        municipalityId: m,
        paymentId,
        authority: payment.authority,
        kind: 'paid_after_failure',
        details: { failureReason: payment.failure_reason },
        at: now,
      });
    await insertEvent(trx, {
      municipalityId: m,
      paymentId,
      at: now,
      kind: payable ? 'applied' : 'held_for_refund',
      details: { refId: verified.refId },
    });
    await recordAudit(
      trx,
      systemActor(m),
      {
        action: payable ? 'payment.completed' : 'payment.held_for_refund',
        entityType: 'payment',
        entityId: paymentId,
        details: {
          amountRials: amount.toString(),
          refId: verified.refId,
          bills: bills.map((b) => b.bill_id),
        },
      },
      now,
    );
    return payable ? 'paid' : 'refund_pending';
  });
}
