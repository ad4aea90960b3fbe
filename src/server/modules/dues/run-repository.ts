import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';

export async function countParcels(db: Db, municipalityId: string): Promise<number> {
  const row = await db
    .selectFrom('parcels')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many blocks the parcels table has now, and about how many parcels one block holds. */
export async function parcelBlocks(db: Db): Promise<{ blocks: number; rowsPerBlock: number }> {
  const { rows } = await sql<{ blocks: number; relpages: number; reltuples: number }>`
    SELECT (pg_relation_size('parcels') / current_setting('block_size')::int)::int AS blocks,
      relpages, reltuples::float8 AS reltuples
    FROM pg_class WHERE oid = 'parcels'::regclass`.execute(db);
  const row = rows[0];
  const rowsPerBlock = row.relpages > 0 && row.reltuples > 0 ? row.reltuples / row.relpages : 4;
  return { blocks: row.blocks, rowsPerBlock };
}

export function findRunningRun(db: Db, municipalityId: string, duesYear: number) {
  return db
    .selectFrom('dues_assessment_runs')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('dues_year', '=', duesYear)
    .where('state', '=', 'running')
    .executeTakeFirst();
}

export function findRun(db: Db, municipalityId: string, runId: string) {
  return db
    .selectFrom('dues_assessment_runs')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', runId)
    .executeTakeFirst();
}

/** The run, locked for the chunk that is about to advance it. */
export function lockRun(trx: Db, runId: string) {
  return trx
    .selectFrom('dues_assessment_runs')
    .selectAll()
    .where('id', '=', runId)
    .forUpdate()
    .executeTakeFirst();
}

export function listRuns(db: Db, municipalityId: string, limit = 20) {
  return db
    .selectFrom('dues_assessment_runs')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('started_at', 'desc')
    .limit(limit)
    .execute();
}

export async function insertRun(
  trx: Db,
  input: {
    municipalityId: string;
    duesYear: number;
    tariffId: string;
    parcelsTotal: number;
    blocksTotal: number;
    startedBy: string | null;
  },
) {
  return trx
    .insertInto('dues_assessment_runs')
    .values({
      municipality_id: input.municipalityId,
      dues_year: input.duesYear,
      tariff_id: input.tariffId,
      state: 'running',
      parcels_total: input.parcelsTotal,
      blocks_total: input.blocksTotal,
      started_by: input.startedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function recordChunk(
  trx: Db,
  runId: string,
  chunk: {
    scanned: number;
    created: number;
    exempt: number;
    totalRials: bigint;
  },
  finishedAt: Date | null,
): Promise<void> {
  await trx
    .updateTable('dues_assessment_runs')
    .set({
      parcels_done: sql`parcels_done + ${chunk.scanned}`,
      bills_created: sql`bills_created + ${chunk.created}`,
      exempt_count: sql`exempt_count + ${chunk.exempt}`,
      total_rials: sql`total_rials + ${chunk.totalRials.toString()}::bigint`,
      ...(finishedAt ? { state: 'done' as const, finished_at: finishedAt } : {}),
    })
    .where('id', '=', runId)
    .execute();
}

export async function failRun(db: Db, runId: string, error: string, at: Date): Promise<void> {
  await db
    .updateTable('dues_assessment_runs')
    .set({ state: 'failed', last_error: error, finished_at: at })
    .where('id', '=', runId)
    .where('state', '=', 'running')
    .execute();
}
