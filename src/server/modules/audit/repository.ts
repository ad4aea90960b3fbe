import { sql } from 'kysely';
import type { AuditRow, Db } from '../../db/schema.js';
import { GENESIS_HASH } from './chain.js';

/**
 * Locks one chain head of the municipality (creating it on first use) and returns its newest link, in one round
 * trip: the no-op update of an existing head is what takes its row lock.
 */
export async function lockChainHead(
  trx: Db,
  municipalityId: string,
  chain: number,
): Promise<{ seq: number; hash: string }> {
  const head = await trx
    .insertInto('audit_heads')
    .values({ municipality_id: municipalityId, chain, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.columns(['municipality_id', 'chain']).doUpdateSet({ seq: sql`audit_heads.seq` }))
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  return { seq: Number(head.seq), hash: head.hash };
}

/** Appends the row and moves its chain's head to it, in one statement. */
export async function insertAuditRow(
  trx: Db,
  row: Omit<AuditRow, 'id' | 'seq' | 'details'> & { seq: number; details: Record<string, unknown> },
): Promise<void> {
  await trx
    .with('appended', (db) =>
      db
        .insertInto('audit_log')
        .values({ ...row, details: JSON.stringify(row.details) })
        .returning('id'),
    )
    .updateTable('audit_heads')
    .set({ seq: row.seq, hash: row.hash })
    .where('municipality_id', '=', row.municipality_id)
    .where('chain', '=', row.chain)
    .execute();
}

/** One page of a municipality's rows in chain order, after (chain, seq). */
export async function listAuditPage(
  db: Db,
  municipalityId: string,
  after: { chain: number; seq: number },
  limit: number,
) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where((eb) => eb(eb.refTuple('chain', 'seq'), '>', eb.tuple(after.chain, String(after.seq))))
    .orderBy('chain')
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export async function listChainHeads(db: Db, municipalityId: string) {
  const rows = await db
    .selectFrom('audit_heads')
    .select(['chain', 'seq', 'hash'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('chain')
    .execute();
  return rows.map((row) => ({ chain: row.chain, seq: Number(row.seq), hash: row.hash }));
}

export async function listAuditedMunicipalities(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('municipalities').select('id').orderBy('code').execute();
  return rows.map((row) => row.id);
}

/** The newest rows first, across all chains (in the order they were appended). */
export async function listRecentAudit(
  db: Db,
  municipalityId: string,
  filter: { entityType?: string; entityId?: string; beforeId?: string; limit: number },
) {
  let query = db.selectFrom('audit_log').selectAll().where('municipality_id', '=', municipalityId);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.beforeId) query = query.where('id', '<', filter.beforeId);
  return query.orderBy('id', 'desc').limit(filter.limit).execute();
}
