/** One text message to one mobile number. */
export interface SmsMessage {
  to: string;
  text: string;
}

/** The SMS provider adapter: a real provider, its local simulator, or the log. */
export interface SmsSender {
  send(message: SmsMessage): Promise<{ providerMessageId: string }>;
}

export class SmsDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SmsDeliveryError';
  }
}
