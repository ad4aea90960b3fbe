import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/schema.js';
import { findSendingEndpoint, insertDelivery } from './repository.js';

const EVENT_TYPE = /^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/;

/**
 * Queues an event for an API client's webhook, inside the caller's transaction: if the caller rolls back, no
 * delivery exists. A client with no endpoint, a disabled one, or a revoked client gets nothing (it can still
 * poll the API). The body is `{ id, type, createdAt, data }`; `id` is also the webhook-id header, the same on
 * every attempt, so a receiver can deduplicate (delivery is at least once; ADR 0015).
 */
export async function enqueueWebhookEvent(
  trx: Db,
  event: {
    municipalityId: string;
    apiClientId: string;
    type: string /* e.g. 'inquiry.issued' */;
    data: unknown;
  },
): Promise<void> {
  if (!EVENT_TYPE.test(event.type))
    throw new Error(`webhook event type "${event.type}" is not like "inquiry.issued"`);
  const owner = { municipalityId: event.municipalityId, apiClientId: event.apiClientId };
  const endpoint = await findSendingEndpoint(trx, owner);
  if (!endpoint?.enabled || endpoint.revoked_at) return;
  const at = new Date();
  const id = `msg_${randomUUID().replaceAll('-', '')}`;
  await insertDelivery(trx, owner, {
    eventId: id,
    type: event.type,
    payload: { id, type: event.type, createdAt: at.toISOString(), data: event.data ?? null },
    at,
  });
}

export { WebhookDispatcher } from './dispatcher.js';
