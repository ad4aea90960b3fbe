import type { Db } from '../../db/schema.js';
import type { Actor } from './actor.js';
import { entryHash } from './chain.js';
import { insertAuditRow, lockChainHead } from './repository.js';

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Appends one event to the municipality's hash chain. Call it with the transaction of the change it records,
 * so the change and its record land together or not at all.
 */
export async function recordAudit(trx: Db, actor: Actor, event: AuditEvent, at = new Date()): Promise<void> {
  const head = await lockChainHead(trx, actor.municipalityId);
  const entry = {
    municipality_id: actor.municipalityId,
    seq: head.seq + 1,
    at,
    actor_kind: actor.kind,
    actor_id: actor.userId,
    office_id: actor.officeId,
    api_client_id: actor.apiClientId,
    ip: actor.ip,
    action: event.action,
    entity_type: event.entityType,
    entity_id: event.entityId ?? null,
    details: event.details ?? {},
  };
  await insertAuditRow(trx, { ...entry, prev_hash: head.hash, hash: entryHash(head.hash, entry) });
}
