import type { WebhookDeliveryStatus } from '../../db/schema.js';

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

/** A webhook endpoint as its client and administrators see it: never the signing secret. */
export function presentEndpoint(row: {
  api_client_id: string;
  url: string;
  secret_version: number;
  enabled: boolean;
  created_at: Date;
  updated_at: Date;
  rotated_at: Date | null;
}) {
  return {
    apiClientId: row.api_client_id,
    url: row.url,
    enabled: row.enabled,
    secretVersion: row.secret_version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    rotatedAt: iso(row.rotated_at),
  };
}

export function presentDelivery(row: {
  id: string;
  event_id: string;
  type: string;
  payload: Record<string, unknown>;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: Date | null;
  last_attempt_at: Date | null;
  last_status: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
}) {
  return {
    id: row.id,
    eventId: row.event_id,
    type: row.type,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: iso(row.next_attempt_at),
    lastAttemptAt: iso(row.last_attempt_at),
    lastStatus: row.last_status,
    lastError: row.last_error,
    deliveredAt: iso(row.delivered_at),
    createdAt: row.created_at.toISOString(),
    payload: row.payload,
  };
}
