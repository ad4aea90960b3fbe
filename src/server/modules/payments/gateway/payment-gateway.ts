/**
 * An internet payment gateway in the shape Shaparak's IPGs share: request a token for an amount, send the payer to
 * the gateway with it, receive the payer back at the callback, verify (which settles the payment), or reverse a
 * verified payment that cannot be delivered. Amounts are integer rials.
 */
export interface PaymentGateway {
  readonly name: string;
  requestPayment(input: {
    amountRials: bigint;
    callbackUrl: string;
    description: string;
    orderId: string;
    mobile?: string;
  }): Promise<{ authority: string; redirectUrl: string }>;
  /** Idempotent at the gateway: a second verify of a paid authority answers "already verified". */
  verify(input: { authority: string; amountRials: bigint }): Promise<VerifyResult>;
  reverse(input: { authority: string }): Promise<ReverseResult>;
  inquire(input: { authority: string }): Promise<GatewayStatus>;
  /** Paid sessions the merchant has not verified yet (what reconciliation sweeps). */
  unverified(): Promise<{ authority: string; amountRials: bigint; callbackUrl: string }[]>;
}

export type VerifyResult =
  | { outcome: 'paid'; alreadyVerified: boolean; refId: string; cardPan: string | null }
  | { outcome: 'not_paid'; code: number }
  | { outcome: 'rejected'; code: number; message: string };

export type ReverseResult =
  | { outcome: 'reversed' }
  | { outcome: 'too_late'; code: number }
  | { outcome: 'not_reversible'; code: number; message: string };

export type GatewayStatus = 'VERIFIED' | 'PAID' | 'IN_BANK' | 'FAILED' | 'REVERSED' | 'UNKNOWN';

/** The gateway could not be reached or answered nonsense: nothing is known, so nothing may be decided. */
export class GatewayUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GatewayUnavailableError';
  }
}
