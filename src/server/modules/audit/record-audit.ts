import type { Db } from '../../db/schema.js';
import type { Actor } from './actor.js';
import { chainForKey, entryHash } from './chain.js';
import { insertAuditRow, lockChainHead } from './repository.js';

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

// A transaction appends all its events to the chain of its first event. Holding at most one chain head per
// transaction means two transactions can never wait on each other's heads (no deadlock), whatever they record.
const chainOfTransaction = new WeakMap<object, number>();

function chainFor(trx: Db, actor: Actor, event: AuditEvent): number {
  const chosen = chainOfTransaction.get(trx);
  if (chosen !== undefined) return chosen;
  const key = `${event.entityType}:${event.entityId ?? actor.userId ?? actor.apiClientId ?? ''}`;
  const chain = chainForKey(key);
  if (trx.isTransaction) chainOfTransaction.set(trx, chain);
  return chain;
}

/**
 * Appends one event to one of the municipality's hash chains (chosen by the event's entity, ADR 0010). Call it
 * with the transaction of the change it records, so the change and its record land together or not at all.
 */
export async function recordAudit(trx: Db, actor: Actor, event: AuditEvent, at = new Date()): Promise<void> {
  const chain = chainFor(trx, actor, event);
  const head = await lockChainHead(trx, actor.municipalityId, chain);
  const entry = {
    municipality_id: actor.municipalityId,
    chain,
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
