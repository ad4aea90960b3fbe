import http, { type IncomingHttpHeaders } from 'node:http';
import { expect } from 'vitest';
import { buildApiClient } from '../../../../test/factories.js';
import type { TestApp } from '../../../../test/harness.js';
import { apiClientSession } from '../../../../test/sign-in.js';
import { enqueueWebhookEvent } from './index.js';

export interface ReceivedDelivery {
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A bank's webhook receiver: a real HTTP server on a random local port that records what it gets and answers
 * with whatever status `answer` returns for the n-th request (1-based); `answer` may wait before answering.
 */
export async function startReceiver(
  answer: (n: number, delivery: ReceivedDelivery) => number | Promise<number> = () => 200,
) {
  const received: ReceivedDelivery[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const delivery = { headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(delivery);
      response.statusCode = await answer(received.length, delivery);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/shahrvand/hooks`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A bank's API client with a signed-in session and, when `url` is given, its webhook registered there. */
export async function bankWithWebhook(t: TestApp, municipalityId: string, url?: string) {
  const client = await buildApiClient(t.database.db, { municipalityId });
  const session = await apiClientSession(t, { clientId: client.clientId, secret: client.secret });
  let webhookSecret = '';
  if (url) {
    const registered = await session.request('PUT', '/api/v1/webhooks/endpoint', { url });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    webhookSecret = registered.body.secret;
  }
  return { ...client, session, webhookSecret, owner: { municipalityId, apiClientId: client.client.id } };
}

/** Emits an event the way the inquiries module does: inside a committed transaction. */
export async function emitEvent(
  t: TestApp,
  owner: { municipalityId: string; apiClientId: string },
  data: unknown = { inquiryId: 'inq-1' },
  type = 'inquiry.issued',
) {
  await t.database.db.transaction().execute((trx) => enqueueWebhookEvent(trx, { ...owner, type, data }));
}

export function deliveriesOf(t: TestApp, apiClientId: string) {
  return t.database.db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('api_client_id', '=', apiClientId)
    .orderBy('created_at')
    .execute();
}
