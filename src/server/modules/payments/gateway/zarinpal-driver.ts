import {
  type GatewayStatus,
  GatewayUnavailableError,
  type PaymentGateway,
  type ReverseResult,
  type VerifyResult,
} from './payment-gateway.js';

interface ZarinpalReply {
  data?: Record<string, unknown> | unknown[];
  errors?: { code?: number; message?: string } | unknown[];
}

const STATUSES = new Set(['VERIFIED', 'PAID', 'IN_BANK', 'FAILED', 'REVERSED']);

/**
 * ZarinPal's REST API v4 (`{base}/pg/v4/payment/{request,verify,reverse,inquiry,unVerified}.json`, payer sent to
 * `{base}/pg/StartPay/{authority}`), amounts in rials (currency IRR). Production and the built-in sandbox are
 * the same code with another base URL. Verify settles the payment: ZarinPal has no separate settle call.
 * Why a driver of our own and not monopay or zarinpal-checkout: docs/adr/0011-payment-gateway-driver.md.
 */
export class ZarinpalGateway implements PaymentGateway {
  readonly name = 'zarinpal';

  constructor(private readonly options: { baseUrl: () => string; merchantId: string; timeoutMs?: number }) {}

  private async call(
    method: string,
    body: Record<string, unknown>,
  ): Promise<{ code: number; data: Record<string, unknown>; message: string }> {
    const url = `${this.options.baseUrl()}/pg/v4/payment/${method}.json`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify({ merchant_id: this.options.merchantId, ...body }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (err) {
      throw new GatewayUnavailableError(`payment gateway unreachable at ${url}: ${(err as Error).message}`);
    }
    const reply = (await response.json().catch(() => null)) as ZarinpalReply | null;
    // ZarinPal answers errors in `errors` (with `data: []`), successes in `data` (with `errors: []`).
    const data = reply?.data;
    if (data && !Array.isArray(data) && typeof data.code === 'number')
      return { code: data.code, data, message: String(data.message ?? '') };
    const errors = reply?.errors;
    if (errors && !Array.isArray(errors) && typeof errors.code === 'number')
      return { code: errors.code, data: {}, message: String(errors.message ?? '') };
    throw new GatewayUnavailableError(`payment gateway answered ${response.status} without a result code`);
  }

  async requestPayment(input: Parameters<PaymentGateway['requestPayment']>[0]) {
    const { code, data, message } = await this.call('request', {
      amount: Number(input.amountRials),
      currency: 'IRR',
      callback_url: input.callbackUrl,
      description: input.description,
      metadata: { order_id: input.orderId, ...(input.mobile ? { mobile: input.mobile } : {}) },
    });
    if (code !== 100 || typeof data.authority !== 'string')
      throw new GatewayUnavailableError(`payment request refused: ${code} ${message}`);
    return {
      authority: data.authority,
      redirectUrl: `${this.options.baseUrl()}/pg/StartPay/${encodeURIComponent(data.authority)}`,
    };
  }

  async verify(input: { authority: string; amountRials: bigint }): Promise<VerifyResult> {
    const { code, data, message } = await this.call('verify', {
      amount: Number(input.amountRials),
      authority: input.authority,
    });
    if (code === 100 || code === 101)
      return {
        outcome: 'paid',
        alreadyVerified: code === 101,
        refId: String(data.ref_id ?? ''),
        cardPan: typeof data.card_pan === 'string' ? data.card_pan : null,
      };
    if (code === -51) return { outcome: 'not_paid', code };
    if (code === -52 || code === -12) throw new GatewayUnavailableError(`verify failed: ${code} ${message}`);
    return { outcome: 'rejected', code, message };
  }

  async reverse(input: { authority: string }): Promise<ReverseResult> {
    const { code, message } = await this.call('reverse', { authority: input.authority });
    if (code === 100) return { outcome: 'reversed' };
    if (code === -63) return { outcome: 'too_late', code };
    if (code === -52 || code === -12) throw new GatewayUnavailableError(`reverse failed: ${code} ${message}`);
    return { outcome: 'not_reversible', code, message };
  }

  async inquire(input: { authority: string }): Promise<GatewayStatus> {
    const { code, data } = await this.call('inquiry', { authority: input.authority });
    if (code !== 100) return 'UNKNOWN';
    const status = String(data.status ?? '');
    return STATUSES.has(status) ? (status as GatewayStatus) : 'UNKNOWN';
  }

  async unverified() {
    const { code, data } = await this.call('unVerified', {});
    if (code !== 100 || !Array.isArray(data.authorities)) return [];
    return (data.authorities as Record<string, unknown>[]).map((row) => ({
      authority: String(row.authority),
      amountRials: BigInt(Number(row.amount ?? 0)),
      callbackUrl: String(row.callback_url ?? ''),
    }));
  }
}
