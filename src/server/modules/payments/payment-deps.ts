import type { Clock } from '../../app-deps.js';
import type { Db } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import type { PaymentGateway } from './gateway/payment-gateway.js';

/** What the payment use cases need: the database, the clock, the gateway, and where payers come back to. */
export interface PaymentDeps {
  db: Db;
  clock: Clock;
  gateway: PaymentGateway | null;
  /** e.g. https://shahrvand.example.ir — the callback is {base}/api/v1/payments/{id}/callback. */
  callbackBase: () => string;
  timeoutMinutes: number;
  reconcileGraceSeconds: number;
}

export function gatewayOf(deps: PaymentDeps): PaymentGateway {
  if (!deps.gateway) throw new AppError('payment_gateway_unavailable');
  return deps.gateway;
}
