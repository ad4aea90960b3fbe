import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';
import { reserveBillSerials } from './dues-repository.js';
import { lockRun, parcelBlocks } from './run-repository.js';

export interface ClaimedChunk {
  id: string;
  firstBlock: number;
  endBlock: number;
  firstSerial: number;
  serials: number;
}

/** The parcels of the municipality in a range of the parcels table's blocks: `FROM ${parcelsInBlocks(…)}` (alias p). */
export function parcelsInBlocks(municipalityId: string, blocks: [number, number]) {
  return sql`parcels p WHERE p.municipality_id = ${municipalityId}::uuid
    AND p.ctid >= ('(' || ${blocks[0]}::int || ',0)')::tid AND p.ctid < ('(' || ${blocks[1]}::int || ',0)')::tid`;
}

/** Smallest chunk, in parcels, that the end of a run is cut into for its workers to finish together. */
const MIN_TAIL_CHUNK = 10_000;

/**
 * How many blocks the next chunk takes: `chunkSize` parcels' worth, except near the end of a run with several
 * workers, where each chunk takes at most a (2 × workers)th of what is left (but not under MIN_TAIL_CHUNK
 * parcels), so the workers finish close together instead of one billing a whole last chunk while the others wait.
 */
export function chunkBlocks(input: {
  chunkSize: number;
  rowsPerBlock: number;
  remainingBlocks: number;
  workers: number;
}): number {
  const { rowsPerBlock, remainingBlocks, workers } = input;
  const full = Math.max(1, Math.ceil(input.chunkSize / rowsPerBlock));
  if (workers <= 1) return Math.min(full, remainingBlocks);
  const floor = Math.max(1, Math.ceil(Math.min(MIN_TAIL_CHUNK, input.chunkSize) / rowsPerBlock));
  const share = Math.ceil(remainingBlocks / (2 * workers));
  return Math.min(remainingBlocks, full, Math.max(floor, share));
}

/**
 * Claims the run's next range of about `chunkSize` parcels (by the parcels table's blocks; less near the end when
 * several workers share the run, see chunkBlocks) in one short committed transaction: advances the run's cursor,
 * reserves one bill serial per parcel now in the range, and records the claim. Returns null when every range is
 * claimed (or the run is over).
 */
export async function claimChunk(
  db: Db,
  input: { municipalityId: string; runId: string; chunkSize: number; workers?: number },
): Promise<ClaimedChunk | null> {
  return db.transaction().execute(async (trx) => {
    const run = await lockRun(trx, input.runId);
    if (!run || run.municipality_id !== input.municipalityId || run.state !== 'running') return null;
    const cursor = run.cursor_block ?? 0;
    if (cursor >= run.blocks_total) return null;
    const { rowsPerBlock } = await parcelBlocks(trx);
    const remainingBlocks = run.blocks_total - cursor;
    const workers = input.workers ?? 1;
    const end = cursor + chunkBlocks({ chunkSize: input.chunkSize, rowsPerBlock, remainingBlocks, workers });
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM ${parcelsInBlocks(input.municipalityId, [cursor, end])}`.execute(trx);
    const serials = rows[0].n;
    const firstSerial = await reserveBillSerials(trx, input.municipalityId, serials);
    const chunk = await trx
      .insertInto('dues_assessment_chunks')
      .values({
        run_id: run.id,
        first_block: cursor,
        end_block: end,
        first_serial: firstSerial,
        serials,
        state: 'claimed',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('dues_assessment_runs')
      .set({ cursor_block: end })
      .where('id', '=', run.id)
      .execute();
    return { id: chunk.id, firstBlock: cursor, endBlock: end, firstSerial, serials };
  });
}

/**
 * Locks a claimed chunk of a running run for the transaction that bills it: the given one, or with 'any' the
 * oldest whose worker is gone (its claim committed, its billing never did). Skips chunks another transaction holds,
 * so two workers never bill one chunk at once; null when there is none to take.
 */
export async function lockClaimedChunk(
  trx: Db,
  runId: string,
  which: string | 'any',
): Promise<ClaimedChunk | null> {
  let query = trx
    .selectFrom('dues_assessment_chunks as c')
    .select(['c.id', 'c.first_block', 'c.end_block', 'c.first_serial', 'c.serials'])
    .where('c.run_id', '=', runId)
    .where('c.state', '=', 'claimed')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('dues_assessment_runs as r')
          .select('r.id')
          .where('r.id', '=', runId)
          .where('r.state', '=', 'running'),
      ),
    );
  if (which !== 'any') query = query.where('c.id', '=', which);
  const row = await query.orderBy('c.id').limit(1).forUpdate().skipLocked().executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    firstBlock: row.first_block,
    endBlock: row.end_block,
    firstSerial: Number(row.first_serial),
    serials: row.serials,
  };
}

export async function markChunkDone(
  trx: Db,
  chunkId: string,
  result: { scanned: number; created: number },
  at: Date,
): Promise<void> {
  await trx
    .updateTable('dues_assessment_chunks')
    .set({ state: 'done', scanned: result.scanned, created: result.created, done_at: at })
    .where('id', '=', chunkId)
    .execute();
}

/**
 * Waits until no other worker is billing a chunk of the run (each holds its chunk's row until its commit). Returns
 * whether chunks are left claimed but not billed after that: their workers died, and the caller takes them over.
 */
export async function waitForClaimedChunks(db: Db, runId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('dues_assessment_chunks')
      .select('id')
      .where('run_id', '=', runId)
      .where('state', '=', 'claimed')
      .orderBy('id')
      .forUpdate()
      .execute();
    return rows.length > 0;
  });
}

/** Whether any chunk of the run is claimed and not yet billed (committed state, as the caller's snapshot sees it). */
export async function hasClaimedChunks(trx: Db, runId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('dues_assessment_chunks')
    .select('id')
    .where('run_id', '=', runId)
    .where('state', '=', 'claimed')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
