import { sql } from 'kysely';
import type { Db, WebhookDeliveryStatus } from '../../db/schema.js';

/** Every endpoint column but the sealed secret, which only the sender opens. */
const ENDPOINT_COLUMNS = [
  'id',
  'api_client_id',
  'url',
  'secret_version',
  'enabled',
  'created_at',
  'updated_at',
  'rotated_at',
] as const;

const DELIVERY_COLUMNS = [
  'id',
  'event_id',
  'type',
  'payload',
  'status',
  'attempts',
  'next_attempt_at',
  'last_attempt_at',
  'last_status',
  'last_error',
  'delivered_at',
  'created_at',
] as const;

export interface Owner {
  municipalityId: string;
  apiClientId: string;
}

/** An API client of the municipality (for admins naming one by id); undefined if it is another's or unknown. */
export function findClientOfMunicipality(db: Db, municipalityId: string, apiClientId: string) {
  return db
    .selectFrom('api_clients')
    .select(['id', 'revoked_at'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', apiClientId)
    .executeTakeFirst();
}

export function findEndpoint(db: Db, owner: Owner) {
  return db
    .selectFrom('webhook_endpoints')
    .select(ENDPOINT_COLUMNS)
    .where('municipality_id', '=', owner.municipalityId)
    .where('api_client_id', '=', owner.apiClientId)
    .executeTakeFirst();
}

export function listEndpoints(db: Db, municipalityId: string) {
  return db
    .selectFrom('webhook_endpoints')
    .select(ENDPOINT_COLUMNS)
    .where('municipality_id', '=', municipalityId)
    .orderBy('created_at')
    .execute();
}

export function insertEndpoint(db: Db, owner: Owner, input: { url: string; secret: string; at: Date }) {
  return db
    .insertInto('webhook_endpoints')
    .values({
      municipality_id: owner.municipalityId,
      api_client_id: owner.apiClientId,
      url: input.url,
      secret: input.secret,
      created_at: input.at,
      updated_at: input.at,
    })
    .returning(ENDPOINT_COLUMNS)
    .executeTakeFirstOrThrow();
}

export function updateEndpoint(
  db: Db,
  owner: Owner,
  change: { url?: string; enabled?: boolean; secret?: string; at: Date },
) {
  return db
    .updateTable('webhook_endpoints')
    .set((eb) => ({
      ...(change.url === undefined ? {} : { url: change.url }),
      ...(change.enabled === undefined ? {} : { enabled: change.enabled }),
      ...(change.secret === undefined
        ? {}
        : { secret: change.secret, secret_version: eb('secret_version', '+', 1), rotated_at: change.at }),
      updated_at: change.at,
    }))
    .where('municipality_id', '=', owner.municipalityId)
    .where('api_client_id', '=', owner.apiClientId)
    .returning(ENDPOINT_COLUMNS)
    .executeTakeFirstOrThrow();
}

export function deleteEndpointRow(db: Db, owner: Owner) {
  return db
    .deleteFrom('webhook_endpoints')
    .where('municipality_id', '=', owner.municipalityId)
    .where('api_client_id', '=', owner.apiClientId)
    .returning(ENDPOINT_COLUMNS)
    .executeTakeFirst();
}

/** Where and with what a delivery is sent now: the enabled endpoint of a client that is not revoked. */
export function findSendingEndpoint(db: Db, owner: Owner) {
  return db
    .selectFrom('webhook_endpoints as e')
    .innerJoin('api_clients as c', (join) =>
      join.onRef('c.municipality_id', '=', 'e.municipality_id').onRef('c.id', '=', 'e.api_client_id'),
    )
    .select(['e.url', 'e.secret', 'e.enabled', 'c.revoked_at'])
    .where('e.municipality_id', '=', owner.municipalityId)
    .where('e.api_client_id', '=', owner.apiClientId)
    .executeTakeFirst();
}

export async function insertDelivery(
  db: Db,
  owner: Owner,
  input: { eventId: string; type: string; payload: Record<string, unknown>; at: Date },
): Promise<void> {
  await db
    .insertInto('webhook_deliveries')
    .values({
      municipality_id: owner.municipalityId,
      api_client_id: owner.apiClientId,
      event_id: input.eventId,
      type: input.type,
      payload: JSON.stringify(input.payload),
      next_attempt_at: input.at,
      created_at: input.at,
    })
    .execute();
}

export function listDeliveries(
  db: Db,
  owner: Owner,
  filter: { status?: WebhookDeliveryStatus; limit: number },
) {
  let query = db
    .selectFrom('webhook_deliveries')
    .select(DELIVERY_COLUMNS)
    .where('municipality_id', '=', owner.municipalityId)
    .where('api_client_id', '=', owner.apiClientId);
  if (filter.status) query = query.where('status', '=', filter.status);
  return query.orderBy('created_at', 'desc').orderBy('id').limit(filter.limit).execute();
}

export function findDelivery(db: Db, owner: Owner, id: string) {
  return db
    .selectFrom('webhook_deliveries')
    .select(DELIVERY_COLUMNS)
    .where('municipality_id', '=', owner.municipalityId)
    .where('api_client_id', '=', owner.apiClientId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Starts a delivery over: due now, with a fresh count of attempts (same event id, so receivers deduplicate). */
export function requeueDelivery(db: Db, owner: Owner, id: string, at: Date) {
  return db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: at, locked_until: null })
    .where('municipality_id', '=', owner.municipalityId)
    .where('api_client_id', '=', owner.apiClientId)
    .where('id', '=', id)
    .returning(DELIVERY_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Gives up the client's waiting deliveries (its endpoint is gone); they stay listed, and can be redelivered. */
export async function failWaitingDeliveries(db: Db, owner: Owner, error: string): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'failed', next_attempt_at: null, locked_until: null, last_error: error })
    .where('municipality_id', '=', owner.municipalityId)
    .where('api_client_id', '=', owner.apiClientId)
    .where('status', '=', 'pending')
    .execute();
}

export interface ClaimedDelivery {
  id: string;
  municipality_id: string;
  api_client_id: string;
  event_id: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/**
 * Claims up to `limit` due deliveries for `leaseMs`, at most one per client and none of a client that already has
 * one in flight (here or in another process): a slow or dead receiver holds one slot, never the queue. A delivery
 * whose sender died is claimed again when its lease ends. The UPDATE re-checks the lease under the row lock, so
 * two workers on PostgreSQL never send the same claim.
 */
export async function claimDueDeliveries(
  db: Db,
  now: Date,
  limit: number,
  leaseMs: number,
  municipalityId?: string,
) {
  const lockedUntil = new Date(now.getTime() + leaseMs);
  const scope = municipalityId ? sql`AND w.municipality_id = ${municipalityId}` : sql``;
  const { rows } = await sql<ClaimedDelivery>`
    UPDATE webhook_deliveries d
    SET locked_until = ${lockedUntil}, attempts = d.attempts + 1, last_attempt_at = ${now}
    WHERE d.id IN (
      SELECT id FROM (
        SELECT DISTINCT ON (w.api_client_id) w.id, w.next_attempt_at
        FROM webhook_deliveries w
        WHERE w.status = 'pending' AND w.next_attempt_at <= ${now}
          AND (w.locked_until IS NULL OR w.locked_until <= ${now}) ${scope}
          AND NOT EXISTS (
            SELECT 1 FROM webhook_deliveries busy
            WHERE busy.api_client_id = w.api_client_id AND busy.status = 'pending'
              AND busy.locked_until > ${now}
          )
        ORDER BY w.api_client_id, w.next_attempt_at, w.created_at
      ) firsts
      ORDER BY next_attempt_at
      LIMIT ${limit}
    )
    AND d.status = 'pending' AND (d.locked_until IS NULL OR d.locked_until <= ${now})
    RETURNING d.id, d.municipality_id, d.api_client_id, d.event_id, d.payload, d.attempts`.execute(db);
  return rows;
}

export async function recordAttempt(
  db: Db,
  id: string,
  outcome: {
    status: WebhookDeliveryStatus;
    httpStatus: number | null;
    error: string | null;
    nextAttemptAt: Date | null;
    deliveredAt: Date | null;
  },
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({
      status: outcome.status,
      last_status: outcome.httpStatus,
      last_error: outcome.error,
      next_attempt_at: outcome.nextAttemptAt,
      delivered_at: outcome.deliveredAt,
      locked_until: null,
    })
    .where('id', '=', id)
    .execute();
}
