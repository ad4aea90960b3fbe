import type { FastifyInstance } from 'fastify';
import { access } from '../../../http/access.js';

export interface SimulatedSms {
  messageid: number;
  receptor: string;
  sender: string;
  message: string;
  date: number;
}

const MAX_KEPT = 500;

/**
 * A local SMS provider for development and tests: it speaks Kavenegar's send API under /dev/sms-provider and
 * shows what it received at /dev/sms (page) and /dev/sms/messages (JSON), newest first.
 */
export async function smsSimulator(app: FastifyInstance, options: { apiKey: string }): Promise<void> {
  const inbox: SimulatedSms[] = [];
  let nextId = 1_000_000;

  app.post<{ Params: { apiKey: string }; Body: Record<string, string> }>(
    '/dev/sms-provider/v1/:apiKey/sms/send.json',
    { config: { access: access.public() }, schema: { hide: true } },
    async (request, reply) => {
      if (request.params.apiKey !== options.apiKey) {
        return reply
          .code(401)
          .send({ return: { status: 401, message: 'API key is invalid' }, entries: null });
      }
      const { receptor, sender = '', message } = request.body ?? {};
      if (!receptor || !/^09\d{9}$/.test(receptor) || !message) {
        return reply
          .code(400)
          .send({ return: { status: 411, message: 'receptor is invalid' }, entries: null });
      }
      const sms: SimulatedSms = {
        messageid: nextId++,
        receptor,
        sender,
        message,
        date: Math.floor(Date.now() / 1000),
      };
      inbox.unshift(sms);
      inbox.length = Math.min(inbox.length, MAX_KEPT);
      request.log.info({ sms: { to: receptor, text: message } }, 'SMS simulator received a message');
      return {
        return: { status: 200, message: 'تایید شد' },
        entries: [{ ...sms, status: 1, statustext: 'در صف ارسال', cost: 120 }],
      };
    },
  );

  app.get<{ Querystring: { to?: string } }>(
    '/dev/sms/messages',
    { config: { access: access.public() }, schema: { hide: true } },
    async (request) => ({
      messages: request.query.to ? inbox.filter((sms) => sms.receptor === request.query.to) : inbox,
    }),
  );
}
