import type { FastifyBaseLogger } from 'fastify';
import type { SmsMessage, SmsSender } from './sms-sender.js';

/** Writes messages to the log instead of sending them (SMS_PROVIDER=log). */
export class LogSmsSender implements SmsSender {
  private counter = 0;

  constructor(private readonly log: FastifyBaseLogger) {}

  async send(message: SmsMessage): Promise<{ providerMessageId: string }> {
    this.counter += 1;
    this.log.info({ sms: message }, 'SMS (log provider)');
    return { providerMessageId: `log-${this.counter}` };
  }
}
