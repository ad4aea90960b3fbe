import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../../config.js';
import { KavenegarSender } from './kavenegar-sender.js';
import { LogSmsSender } from './log-sender.js';
import { SmsDeliveryError, type SmsSender } from './sms-sender.js';

/**
 * The configured SMS adapter. With no SMS_API_URL in development, messages go to this server's own built-in
 * simulator over HTTP, through the same Kavenegar adapter production uses.
 */
export function buildSmsSender(config: Config, app: FastifyInstance): SmsSender {
  if (config.sms.provider === 'log') return new LogSmsSender(app.log);
  const baseUrl = () => {
    if (config.sms.apiUrl) return config.sms.apiUrl.replace(/\/$/, '');
    const address = app.server.address() as AddressInfo | null;
    if (!config.sms.simulator || !address) {
      throw new SmsDeliveryError(
        'No SMS provider: set SMS_API_URL, or run with the simulator on a listening server',
      );
    }
    return `http://127.0.0.1:${address.port}/dev/sms-provider`;
  };
  return new KavenegarSender({ baseUrl, apiKey: config.sms.apiKey, sender: config.sms.sender });
}
