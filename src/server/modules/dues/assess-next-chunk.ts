import type { Clock } from '../../app-deps.js';
import type { Db } from '../../db/schema.js';
import { systemActor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { zonedInstant } from '../cases/calendar/zoned-time.js';
import { findCurrentLayer } from '../zoning/layer-repository.js';
import { DEFAULT_CHUNK } from './assess-dues.js';
import {
  assessChunk,
  type ChunkResult,
  everyParcelBilled,
  tuneChunkTransaction,
} from './assessment-repository.js';
import {
  claimChunk,
  hasClaimedChunks,
  lockClaimedChunk,
  markChunkDone,
  waitForClaimedChunks,
} from './chunk-repository.js';
import { advanceBillCounter, billCompanyCode, LAST_BILL_SERIAL, lockBillCounter } from './dues-repository.js';
import { duesYearDates } from './rules/dues-calendar.js';
import type { DuesTariff } from './rules/tariff.js';
import { findRun, lockRun, recordChunk } from './run-repository.js';

/** The unique key that refuses a second bill for a parcel, kind and year (migration 0010). */
const BILL_PER_PARCEL_KEY = 'bills_municipality_id_parcel_id_kind_dues_year_key';

export interface ChunkStepInput {
  municipalityId: string;
  runId: string;
  chunkSize?: number;
  timeZone: string;
  /** How many workers step the run together (chunks shrink near its end so they finish together). */
  workers?: number;
}

/**
 * One step of an assessment run, for one worker; several workers may step the same run at once (on PostgreSQL).
 * In order: take over a chunk whose worker died (claimed, never billed), else claim the next range of parcels and
 * bill it, else (every range claimed) wait for the other workers' chunks and finish the run with a sweep for
 * parcels that moved or arrived meanwhile. Returns whether the run is finished and how many parcels this step read.
 */
export async function assessNextChunk(
  db: Db,
  clock: Clock,
  input: ChunkStepInput,
): Promise<{ done: boolean; scanned: number }> {
  const zonesLayerId = (await findCurrentLayer(db, input.municipalityId, 'zones'))?.id ?? null;
  const orphan = await billClaimedChunk(db, clock, input, zonesLayerId, 'any');
  if (orphan) return { done: false, scanned: orphan.scanned };
  const claimed = await claimChunk(db, { ...input, chunkSize: input.chunkSize ?? DEFAULT_CHUNK });
  if (claimed) {
    // Another worker looking for orphans may lock it first and bill it instead: then this step did nothing.
    const billed = await billClaimedChunk(db, clock, input, zonesLayerId, claimed.id);
    return { done: false, scanned: billed?.scanned ?? 0 };
  }
  if (await waitForClaimedChunks(db, input.runId)) return { done: false, scanned: 0 };
  return finishRun(db, clock, input, zonesLayerId);
}

async function chunkContext(trx: Db, input: ChunkStepInput, zonesLayerId: string | null) {
  const run = await findRun(trx, input.municipalityId, input.runId);
  if (!run) throw new Error(`assessment run ${input.runId} not found`);
  const tariffRow = await trx
    .selectFrom('dues_tariffs')
    .select('tariff')
    .where('id', '=', run.tariff_id)
    .executeTakeFirstOrThrow();
  const { accruesOn, dueOn } = duesYearDates(run.dues_year);
  return {
    run,
    base: {
      municipalityId: input.municipalityId,
      runId: run.id,
      duesYear: run.dues_year,
      tariffId: run.tariff_id,
      tariff: tariffRow.tariff as DuesTariff,
      zonesLayerId,
      accruesOn,
      dueOn,
      chargedAt: new Date(zonedInstant(accruesOn, 0, input.timeZone)),
    },
  };
}

/**
 * Bills a claimed chunk with its reserved serials in one transaction that holds the chunk's row, marks it done and
 * adds it to the run's progress. Null when the chunk is taken (another worker holds it) or already billed. A bill
 * that a concurrent chunk committed first for one of its parcels (a parcel that moved between block ranges) fails
 * the statement on the unique key; the chunk stays claimed and the next step bills it again, skipping that parcel.
 */
async function billClaimedChunk(
  db: Db,
  clock: Clock,
  input: ChunkStepInput,
  zonesLayerId: string | null,
  which: string | 'any',
): Promise<ChunkResult | null> {
  try {
    return await db.transaction().execute(async (trx) => {
      const chunk = await lockClaimedChunk(trx, input.runId, which);
      if (!chunk) return null;
      await tuneChunkTransaction(trx, { durable: false });
      const { base } = await chunkContext(trx, input, zonesLayerId);
      const result = await assessChunk(trx, {
        ...base,
        range: { blocks: [chunk.firstBlock, chunk.endBlock] },
        companyCode: await billCompanyCode(trx, input.municipalityId),
        lastSerial: chunk.firstSerial - 1,
        serials: chunk.serials,
      });
      await markChunkDone(trx, chunk.id, result, clock.now());
      // Last, so that the run's row (which claims lock too) is held only from here to the commit.
      await recordChunk(trx, input.runId, result, null);
      return result;
    });
  } catch (err) {
    if ((err as { constraint?: string }).constraint === BILL_PER_PARCEL_KEY)
      return { scanned: 0, serialsUsed: 0, created: 0, exempt: 0, totalRials: 0n };
    throw err;
  }
}

/**
 * Finishes the run once every chunk is billed: one sweep for parcels no chunk billed (skipped when the year has as
 * many bills as the municipality has parcels), serials from the counter locked for it, the run marked done and
 * audited, committed durably. Two workers arriving here take turns on the run's row; the second finds it done.
 */
async function finishRun(
  db: Db,
  clock: Clock,
  input: ChunkStepInput,
  zonesLayerId: string | null,
): Promise<{ done: boolean; scanned: number }> {
  return db.transaction().execute(async (trx) => {
    const run = await lockRun(trx, input.runId);
    if (!run || run.municipality_id !== input.municipalityId || run.state !== 'running')
      return { done: true, scanned: 0 };
    if ((run.cursor_block ?? 0) < run.blocks_total || (await hasClaimedChunks(trx, run.id)))
      return { done: false, scanned: 0 };
    await tuneChunkTransaction(trx, { durable: true });
    const { base } = await chunkContext(trx, input, zonesLayerId);
    const counter = await lockBillCounter(trx, input.municipalityId);
    const chunk = (await everyParcelBilled(trx, input.municipalityId, run.dues_year))
      ? { scanned: 0, serialsUsed: 0, created: 0, exempt: 0, totalRials: 0n }
      : await assessChunk(trx, {
          ...base,
          range: 'sweep',
          companyCode: counter.companyCode,
          lastSerial: counter.lastSerial,
          serials: null,
        });
    if (counter.lastSerial + chunk.serialsUsed > LAST_BILL_SERIAL)
      throw new Error('the bill serial of this municipality is exhausted (8 digits)');
    await advanceBillCounter(trx, input.municipalityId, chunk.serialsUsed);
    await recordChunk(trx, run.id, chunk, clock.now());
    await recordAudit(
      trx,
      systemActor(input.municipalityId),
      {
        action: 'dues.assessment_finished',
        entityType: 'dues_assessment_run',
        entityId: run.id,
        details: {
          year: run.dues_year,
          parcels: run.parcels_done + chunk.scanned,
          bills: run.bills_created + chunk.created,
          totalRials: (BigInt(run.total_rials) + chunk.totalRials).toString(),
        },
      },
      clock.now(),
    );
    return { done: true, scanned: chunk.scanned };
  });
}
