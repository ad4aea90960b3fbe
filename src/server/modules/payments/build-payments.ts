import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { bringJobsForward, enqueueUniqueJob } from '../../jobs/job-repository.js';
import type { JobRunner } from '../../jobs/job-runner.js';
import { ZarinpalGateway } from './gateway/zarinpal-driver.js';
import type { PaymentDeps } from './payment-deps.js';
import { RECONCILE_JOB, reconcileJobHandler } from './reconcile-payments.js';
import { REFUND_JOB, refundJobHandler } from './refund-payment.js';

/**
 * The payment use cases' dependencies from the configuration: the ZarinPal driver at PAYMENT_GATEWAY_URL (in
 * development main.ts points it at the sandbox it started), and the address payers come back to.
 */
export function buildPaymentDeps(app: FastifyInstance): PaymentDeps {
  const { config, db, clock } = app.deps;
  const gatewayUrl = config.payments.gatewayUrl;
  return {
    db,
    clock,
    gateway: gatewayUrl
      ? new ZarinpalGateway({ baseUrl: () => gatewayUrl, merchantId: config.payments.merchantId })
      : null,
    callbackBase: () => {
      if (config.payments.callbackBaseUrl) return config.payments.callbackBaseUrl;
      const address = app.server.address() as AddressInfo | null;
      return address ? `http://127.0.0.1:${address.port}` : config.publicUrl;
    },
    timeoutMinutes: config.payments.timeoutMinutes,
    reconcileGraceSeconds: config.payments.reconcileGraceSeconds,
  };
}

export function registerPaymentJobs(
  runner: JobRunner,
  deps: PaymentDeps,
  reconcileEveryMinutes: number,
): void {
  runner.register(REFUND_JOB, refundJobHandler(deps));
  runner.register(RECONCILE_JOB, reconcileJobHandler(deps, reconcileEveryMinutes));
}

/**
 * Reconciles soon after a start (main.ts): a server that stopped may have left payments whose callback it never
 * finished. Brings the waiting reconciliation forward, or schedules one; the job then schedules its next run.
 */
export async function scheduleReconciliation(deps: PaymentDeps): Promise<void> {
  const now = deps.clock.now();
  const moved = await bringJobsForward(deps.db, RECONCILE_JOB, now);
  if (moved === 0)
    await enqueueUniqueJob(deps.db, { municipalityId: null, kind: RECONCILE_JOB, runAt: now, payload: {} });
}
