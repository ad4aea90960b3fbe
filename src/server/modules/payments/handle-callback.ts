import { notFound } from '../../http/errors.js';
import type { PaymentDeps } from './payment-deps.js';
import { countCallback, findPaymentAnywhere, insertEvent, type PaymentRow } from './payment-repository.js';
import { settlePayment } from './settle-payment.js';

/**
 * The payer's return from the gateway (`?Authority=…&Status=OK|NOK`). Idempotent: every arrival is recorded, and
 * all of them go through the same verify-and-apply path, which books a payment at most once however many times,
 * in whatever order, or however late they come. An authority that is not this payment's is a 404.
 */
export async function handleCallback(
  deps: PaymentDeps,
  input: { paymentId: string; authority: string; status: string },
): Promise<PaymentRow> {
  const payment = await findPaymentAnywhere(deps.db, input.paymentId);
  if (!payment?.authority || payment.authority !== input.authority) throw notFound('payment');
  await countCallback(deps.db, payment.id);
  await insertEvent(deps.db, {
    municipalityId: payment.municipality_id,
    paymentId: payment.id,
    at: deps.clock.now(),
    kind: 'callback',
    details: { status: input.status, stateOnArrival: payment.state },
  });
  await settlePayment(deps, payment.id, { source: 'callback', status: input.status });
  return (await findPaymentAnywhere(deps.db, payment.id)) as PaymentRow;
}
