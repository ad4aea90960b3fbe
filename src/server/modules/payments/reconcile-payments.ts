import { enqueueUniqueJob } from '../../jobs/job-repository.js';
import type { JobHandler } from '../../jobs/job-runner.js';
import { GatewayUnavailableError } from './gateway/payment-gateway.js';
import { gatewayOf, type PaymentDeps } from './payment-deps.js';
import {
  findPaymentAnywhere,
  findPaymentByAuthority,
  flagMismatch,
  listOpenPayments,
  updatePayment,
} from './payment-repository.js';
import { refundPayment } from './refund-payment.js';
import { settlePayment } from './settle-payment.js';

export const RECONCILE_JOB = 'payments.reconcile';
const BATCH = 500;

export interface ReconcileSummary {
  checked: number;
  paid: number;
  failed: number;
  refunded: number;
  stillPending: number;
  unverifiedAtGateway: number;
  mismatches: number;
  gatewayUnavailable: boolean;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/**
 * Settles what callbacks did not: every payment still open after the grace period is verified with the gateway
 * (and so applied, or failed once expired), refunds still owed are retried, and the gateway's list of paid but
 * unverified sessions is swept, so a payment whose callback never came is still recorded, exactly once.
 * Sessions the gateway knows and we do not are flagged for finance staff. The job reconciles every municipality;
 * finance staff reconcile their own.
 */
export async function reconcilePayments(
  deps: PaymentDeps,
  scope: { municipalityId?: string } = {},
): Promise<ReconcileSummary> {
  const summary: ReconcileSummary = {
    checked: 0,
    paid: 0,
    failed: 0,
    refunded: 0,
    stillPending: 0,
    unverifiedAtGateway: 0,
    mismatches: 0,
    gatewayUnavailable: false,
  };
  const now = deps.clock.now();
  for (const payment of await listOpenPayments(
    deps.db,
    new Date(now.getTime() - deps.reconcileGraceSeconds * 1000),
    BATCH,
    scope.municipalityId,
  )) {
    summary.checked++;
    if (payment.state === 'created') {
      // It never got a gateway token (the server stopped in between), so nobody can have paid it.
      if (payment.expires_at < now) {
        await updatePayment(deps.db, payment.id, ['created'], {
          state: 'failed',
          failure_reason: 'no_gateway_token',
          completed_at: now,
        });
        summary.failed++;
      } else summary.stillPending++;
      continue;
    }
    try {
      if (payment.state === 'refund_pending') {
        await refundPayment(deps, payment.id);
        const after = await findPaymentAnywhere(deps.db, payment.id);
        if (after?.state === 'refunded') summary.refunded++;
        continue;
      }
      const state = await settlePayment(deps, payment.id, { source: 'reconcile' });
      if (state === 'paid') summary.paid++;
      else if (state === 'failed') summary.failed++;
      else if (state === 'refund_pending') summary.mismatches++;
      else summary.stillPending++;
    } catch (err) {
      if (!(err instanceof GatewayUnavailableError)) throw err;
      summary.gatewayUnavailable = true;
    }
  }
  let unverified: Awaited<ReturnType<ReturnType<typeof gatewayOf>['unverified']>> = [];
  try {
    unverified = await gatewayOf(deps).unverified();
  } catch (err) {
    if (!(err instanceof GatewayUnavailableError)) throw err;
    summary.gatewayUnavailable = true;
  }
  for (const session of unverified) {
    const gateway = gatewayOf(deps);
    const payment = await findPaymentByAuthority(deps.db, gateway.name, session.authority);
    // Another municipality's session is not this one's business, not even as a count.
    if (payment && scope.municipalityId && payment.municipality_id !== scope.municipalityId) continue;
    if (payment) {
      summary.unverifiedAtGateway++;
      const state = await settlePayment(deps, payment.id, { source: 'reconcile' });
      if (state === 'paid') summary.paid++;
      continue;
    }
    // Money at the gateway for a session we never stored: name the payment its callback address points at.
    const named = UUID.exec(session.callbackUrl)?.[0];
    const owner = named ? await findPaymentAnywhere(deps.db, named) : undefined;
    if (!scope.municipalityId || owner?.municipality_id === scope.municipalityId)
      summary.unverifiedAtGateway++;
    if (owner && (!scope.municipalityId || owner.municipality_id === scope.municipalityId)) {
      const fresh = await flagMismatch(deps.db, {
        municipalityId: owner.municipality_id,
        paymentId: owner.id,
        authority: session.authority,
        kind: 'unknown_gateway_session',
        details: { amountRials: session.amountRials.toString(), storedAuthority: owner.authority },
        at: now,
      });
      if (fresh) summary.mismatches++;
    }
  }
  return summary;
}

/** The periodic job: reconciles, then schedules its next run. */
export function reconcileJobHandler(deps: PaymentDeps, everyMinutes: number): JobHandler {
  return async (job) => {
    try {
      await reconcilePayments(deps);
    } finally {
      await enqueueUniqueJob(
        deps.db,
        {
          municipalityId: null,
          kind: RECONCILE_JOB,
          runAt: new Date(deps.clock.now().getTime() + everyMinutes * 60_000),
          payload: {},
        },
        job.id,
      );
    }
  };
}
