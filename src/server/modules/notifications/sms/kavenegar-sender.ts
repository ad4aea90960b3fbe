import { SmsDeliveryError, type SmsMessage, type SmsSender } from './sms-sender.js';

interface KavenegarResponse {
  return?: { status?: number; message?: string };
  entries?: { messageid?: number }[];
}

/**
 * Sends through Kavenegar's REST API (`POST {base}/v1/{apiKey}/sms/send.json` with receptor, sender, message).
 * In development the base URL points at the built-in simulator, which speaks the same protocol.
 */
export class KavenegarSender implements SmsSender {
  constructor(
    private readonly options: { baseUrl: () => string; apiKey: string; sender: string; timeoutMs?: number },
  ) {}

  async send(message: SmsMessage): Promise<{ providerMessageId: string }> {
    const url = `${this.options.baseUrl()}/v1/${encodeURIComponent(this.options.apiKey)}/sms/send.json`;
    const body = new URLSearchParams({
      receptor: message.to,
      sender: this.options.sender,
      message: message.text,
    });
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
      });
    } catch (err) {
      throw new SmsDeliveryError(`SMS provider unreachable at ${url}: ${(err as Error).message}`);
    }
    const payload = (await response.json().catch(() => ({}))) as KavenegarResponse;
    if (payload.return?.status !== 200) {
      throw new SmsDeliveryError(
        `SMS provider refused the message: ${payload.return?.status ?? response.status} ${payload.return?.message ?? ''}`,
      );
    }
    return { providerMessageId: String(payload.entries?.[0]?.messageid ?? '') };
  }
}
