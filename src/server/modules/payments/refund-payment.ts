import type { Db } from '../../db/schema.js';
import { enqueueJob } from '../../jobs/job-repository.js';
import type { JobHandler } from '../../jobs/job-runner.js';
import { type Actor, systemActor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { postEntry } from '../dues/ledger/ledger-repository.js';
import { gatewayOf, type PaymentDeps } from './payment-deps.js';
import {
  findPaymentAnywhere,
  flagMismatch,
  insertEvent,
  lockPayment,
  updatePayment,
} from './payment-repository.js';

export const REFUND_JOB = 'payments.refund';

export function enqueueRefund(trx: Db, municipalityId: string, paymentId: string, at: Date) {
  return enqueueJob(trx, { municipalityId, kind: REFUND_JOB, runAt: at, payload: { paymentId } });
}

/** Books a refund that happened (at the gateway or by finance staff): payer refunds against gateway clearing. */
export async function recordRefund(
  deps: Pick<PaymentDeps, 'db' | 'clock'>,
  input: { paymentId: string; actor: Actor; how: 'gateway_reverse' | 'finance'; note?: string },
): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const payment = await lockPayment(trx, input.paymentId);
    if (payment?.state !== 'refund_pending') return false;
    const now = deps.clock.now();
    const amount = BigInt(payment.amount_rials);
    await postEntry(trx, {
      municipalityId: payment.municipality_id,
      kind: 'refund',
      at: now,
      memo: `Refund of payment ${payment.ref_id ?? payment.id} (${input.how})`,
      paymentId: payment.id,
      lines: [
        { account: 'payer_refunds', amountRials: amount },
        { account: 'gateway_clearing', amountRials: -amount },
      ],
    });
    await updatePayment(trx, payment.id, ['refund_pending'], { state: 'refunded', completed_at: now });
    await insertEvent(trx, {
      municipalityId: payment.municipality_id,
      paymentId: payment.id,
      at: now,
      kind: 'refunded',
      details: { how: input.how, ...(input.note ? { note: input.note } : {}) },
    });
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'payment.refunded',
        entityType: 'payment',
        entityId: payment.id,
        details: { amountRials: amount.toString(), how: input.how },
      },
      now,
    );
    return true;
  });
}

/**
 * Gives back a payment that could not be applied, by reversing it at the gateway. Idempotent: only a payment still
 * waiting for its refund is reversed. A gateway that refuses (too late: ZarinPal reverses within 30 minutes) leaves
 * it to finance staff, flagged; an unreachable one throws, and the job runner tries again later.
 */
export async function refundPayment(deps: PaymentDeps, paymentId: string): Promise<void> {
  const payment = await findPaymentAnywhere(deps.db, paymentId);
  if (payment?.state !== 'refund_pending' || !payment.authority) return;
  const result = await gatewayOf(deps).reverse({ authority: payment.authority });
  const now = deps.clock.now();
  if (result.outcome === 'reversed') {
    await recordRefund(deps, {
      paymentId,
      actor: systemActor(payment.municipality_id),
      how: 'gateway_reverse',
    });
    return;
  }
  await insertEvent(deps.db, {
    municipalityId: payment.municipality_id,
    paymentId,
    at: now,
    kind: 'reverse_refused',
    details: { ...result },
  });
  await flagMismatch(deps.db, {
    municipalityId: payment.municipality_id,
    paymentId,
    authority: payment.authority,
    kind: 'refund_needs_finance',
    details: { ...result },
    at: now,
  });
}

export function refundJobHandler(deps: PaymentDeps): JobHandler {
  return async (job) => refundPayment(deps, String(job.payload.paymentId));
}
