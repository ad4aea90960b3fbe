import { sql } from 'kysely';
import type { AuditRow, Db } from '../../db/schema.js';
import { GENESIS_HASH } from './chain.js';

/** Locks the municipality's chain head (creating it on first use) and returns the newest link. */
export async function lockChainHead(trx: Db, municipalityId: string): Promise<{ seq: number; hash: string }> {
  await trx
    .insertInto('audit_heads')
    .values({ municipality_id: municipalityId, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column('municipality_id').doNothing())
    .execute();
  const head = await trx
    .selectFrom('audit_heads')
    .select(['seq', 'hash'])
    .where('municipality_id', '=', municipalityId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { seq: Number(head.seq), hash: head.hash };
}

export async function insertAuditRow(
  trx: Db,
  row: Omit<AuditRow, 'id' | 'seq' | 'details'> & { seq: number; details: Record<string, unknown> },
): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({ ...row, details: JSON.stringify(row.details) })
    .execute();
  await trx
    .updateTable('audit_heads')
    .set({ seq: row.seq, hash: row.hash })
    .where('municipality_id', '=', row.municipality_id)
    .execute();
}

export async function listAuditPage(db: Db, municipalityId: string, afterSeq: number, limit: number) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('seq', '>', String(afterSeq))
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export async function findChainHead(db: Db, municipalityId: string) {
  return db
    .selectFrom('audit_heads')
    .select(['seq', 'hash'])
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
}

export async function listAuditedMunicipalities(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('municipalities').select('id').orderBy('code').execute();
  return rows.map((row) => row.id);
}

export async function listRecentAudit(
  db: Db,
  municipalityId: string,
  filter: { entityType?: string; entityId?: string; beforeSeq?: number; limit: number },
) {
  let query = db.selectFrom('audit_log').selectAll().where('municipality_id', '=', municipalityId);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.beforeSeq) query = query.where('seq', '<', String(filter.beforeSeq));
  return query.orderBy(sql`seq`, 'desc').limit(filter.limit).execute();
}
