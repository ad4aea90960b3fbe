import type { Db, WebhookDeliveryStatus } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { type CallbackUrlPolicy, checkCallbackUrl } from './callback-url.js';
import {
  deleteEndpointRow,
  failWaitingDeliveries,
  findDelivery,
  findEndpoint,
  insertEndpoint,
  listDeliveries,
  type Owner,
  requeueDelivery,
  updateEndpoint,
} from './repository.js';
import { newWebhookSecret, sealWebhookSecret } from './secrets.js';

/** Whose webhook (a client's own, or one an admin of its municipality names), who acts, and when. */
export interface WebhookContext {
  owner: Owner;
  actor: Actor;
  at: Date;
}

export interface SecretSealing {
  policy: CallbackUrlPolicy;
  keySecret: string | undefined;
}

function audit(trx: Db, ctx: WebhookContext, action: string, details: Record<string, unknown>) {
  return recordAudit(
    trx,
    ctx.actor,
    { action, entityType: 'api_client', entityId: ctx.owner.apiClientId, details },
    ctx.at,
  );
}

async function existingEndpoint(db: Db, owner: Owner) {
  const endpoint = await findEndpoint(db, owner);
  if (!endpoint) throw notFound('webhook_endpoint');
  return endpoint;
}

export async function readEndpoint(db: Db, owner: Owner) {
  return existingEndpoint(db, owner);
}

/**
 * Registers the client's callback URL, or changes it. A new registration makes a signing secret and returns it
 * this once (it is stored sealed, because the server signs with it); changing the URL keeps the secret. Audited.
 */
export async function registerEndpoint(
  db: Db,
  ctx: WebhookContext & SecretSealing & { url: string; enabled?: boolean },
) {
  const url = await checkCallbackUrl(ctx.url, ctx.policy);
  return db.transaction().execute(async (trx) => {
    const before = await findEndpoint(trx, ctx.owner);
    if (before) {
      const endpoint = await updateEndpoint(trx, ctx.owner, { url, enabled: ctx.enabled, at: ctx.at });
      await audit(trx, ctx, 'webhook.endpoint_updated', {
        url,
        previousUrl: before.url,
        enabled: endpoint.enabled,
      });
      return { endpoint, secret: null, created: false };
    }
    const secret = newWebhookSecret();
    let endpoint = await insertEndpoint(trx, ctx.owner, {
      url,
      secret: sealWebhookSecret(secret, ctx.keySecret),
      at: ctx.at,
    });
    if (ctx.enabled === false)
      endpoint = await updateEndpoint(trx, ctx.owner, { enabled: false, at: ctx.at });
    await audit(trx, ctx, 'webhook.endpoint_registered', { url, enabled: endpoint.enabled });
    return { endpoint, secret, created: true };
  });
}

/** A new signing secret, in force for the next attempt of every delivery; the old one stops at once. Audited. */
export async function rotateEndpointSecret(db: Db, ctx: WebhookContext & SecretSealing) {
  const secret = newWebhookSecret();
  return db.transaction().execute(async (trx) => {
    await existingEndpoint(trx, ctx.owner);
    const endpoint = await updateEndpoint(trx, ctx.owner, {
      secret: sealWebhookSecret(secret, ctx.keySecret),
      at: ctx.at,
    });
    await audit(trx, ctx, 'webhook.secret_rotated', { secretVersion: endpoint.secret_version });
    return { endpoint, secret };
  });
}

/** Pauses or resumes deliveries to an endpoint (administrators). Audited. */
export async function setEndpointEnabled(db: Db, ctx: WebhookContext & { enabled: boolean }) {
  return db.transaction().execute(async (trx) => {
    const before = await existingEndpoint(trx, ctx.owner);
    if (before.enabled === ctx.enabled) return before;
    const endpoint = await updateEndpoint(trx, ctx.owner, { enabled: ctx.enabled, at: ctx.at });
    await audit(trx, ctx, ctx.enabled ? 'webhook.endpoint_enabled' : 'webhook.endpoint_disabled', {
      url: endpoint.url,
    });
    return endpoint;
  });
}

/** Removes the endpoint; waiting deliveries are given up but stay listed. Audited. */
export async function deleteEndpoint(db: Db, ctx: WebhookContext) {
  await db.transaction().execute(async (trx) => {
    const removed = await deleteEndpointRow(trx, ctx.owner);
    if (!removed) throw notFound('webhook_endpoint');
    await failWaitingDeliveries(trx, ctx.owner, 'endpoint deleted');
    await audit(trx, ctx, 'webhook.endpoint_deleted', { url: removed.url });
  });
}

export function listEndpointDeliveries(
  db: Db,
  owner: Owner,
  filter: { status?: WebhookDeliveryStatus; limit?: number },
) {
  return listDeliveries(db, owner, { status: filter.status, limit: filter.limit ?? 50 });
}

/** Sends a delivery again (the same event id) from its first attempt; needs an enabled endpoint. */
export async function redeliver(db: Db, ctx: WebhookContext & { deliveryId: string }) {
  return db.transaction().execute(async (trx) => {
    const delivery = await findDelivery(trx, ctx.owner, ctx.deliveryId);
    if (!delivery) throw notFound('webhook_delivery');
    const endpoint = await findEndpoint(trx, ctx.owner);
    if (!endpoint) throw new AppError('webhook_endpoint_missing');
    if (!endpoint.enabled) throw new AppError('webhook_endpoint_disabled');
    return requeueDelivery(trx, ctx.owner, delivery.id, ctx.at);
  });
}
