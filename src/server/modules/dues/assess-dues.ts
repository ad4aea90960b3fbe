import type { Clock } from '../../app-deps.js';
import type { Db } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { enqueueJob } from '../../jobs/job-repository.js';
import { type Actor, systemActor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { zonedInstant } from '../cases/calendar/zoned-time.js';
import { findCurrentLayer } from '../zoning/layer-repository.js';
import { assessChunk, everyParcelBilled, tuneChunkTransaction } from './assessment-repository.js';
import { advanceBillCounter, findTariffForYear, lockBillCounter } from './dues-repository.js';
import { duesYearDates } from './rules/dues-calendar.js';
import type { DuesTariff } from './rules/tariff.js';
import {
  countParcels,
  findRunningRun,
  insertRun,
  lockRun,
  parcelBlocks,
  recordChunk,
} from './run-repository.js';

export const ASSESSMENT_JOB = 'dues.assessment';
export const DEFAULT_CHUNK = 50_000;

const UNIQUE_VIOLATION = '23505';

export function enqueueAssessmentJob(db: Db, clock: Clock, municipalityId: string, runId: string) {
  return enqueueJob(db, { municipalityId, kind: ASSESSMENT_JOB, runAt: clock.now(), payload: { runId } });
}

/**
 * Starts the renewal-dues assessment of every parcel of the municipality for a Jalali year, under the tariff in
 * force for it, or returns the run already going for that year (starting twice is harmless). With `enqueue` the
 * run is carried out by background jobs; the CLI runs it in its own process instead.
 */
export async function startAssessment(
  db: Db,
  clock: Clock,
  input: { municipalityId: string; duesYear: number; actor: Actor; enqueue: boolean },
) {
  const existing = await findRunningRun(db, input.municipalityId, input.duesYear);
  if (existing) {
    // A run whose job gave up (or whose CLI was stopped) goes on from its cursor; extra jobs are harmless.
    if (input.enqueue) await enqueueAssessmentJob(db, clock, input.municipalityId, existing.id);
    return { run: existing, resumed: true };
  }
  const tariff = await findTariffForYear(db, input.municipalityId, input.duesYear);
  if (!tariff) throw new AppError('dues_tariff_missing', { year: input.duesYear }, { year: input.duesYear });
  const parcelsTotal = await countParcels(db, input.municipalityId);
  const { blocks } = await parcelBlocks(db);
  try {
    const run = await db.transaction().execute(async (trx) => {
      const row = await insertRun(trx, {
        municipalityId: input.municipalityId,
        duesYear: input.duesYear,
        tariffId: tariff.id,
        parcelsTotal,
        blocksTotal: blocks,
        startedBy: input.actor.userId,
      });
      if (input.enqueue) await enqueueAssessmentJob(trx, clock, input.municipalityId, row.id);
      await recordAudit(
        trx,
        input.actor,
        {
          action: 'dues.assessment_started',
          entityType: 'dues_assessment_run',
          entityId: row.id,
          details: { year: input.duesYear, tariffYear: tariff.duesYear, parcels: parcelsTotal },
        },
        clock.now(),
      );
      return row;
    });
    return { run, resumed: false };
  } catch (err) {
    // Two starts at once: the partial unique index let one through; the other resumes it.
    if ((err as { code?: string }).code !== UNIQUE_VIOLATION) throw err;
    const running = await findRunningRun(db, input.municipalityId, input.duesYear);
    if (!running) throw err;
    return { run: running, resumed: true };
  }
}

/**
 * Bills the next chunk of a run (a range of the parcels table's blocks, or at the end a sweep for parcels that
 * moved or arrived meanwhile) in one transaction: the bill counter and the run are locked first, so two workers
 * on the same run take turns, and the run's cursor, the bills and their charge entry commit together. Returns
 * whether the run is finished.
 */
export async function assessNextChunk(
  db: Db,
  clock: Clock,
  input: { municipalityId: string; runId: string; chunkSize?: number; timeZone: string },
): Promise<{ done: boolean; scanned: number }> {
  const zones = await findCurrentLayer(db, input.municipalityId, 'zones');
  return db.transaction().execute(async (trx) => {
    const counter = await lockBillCounter(trx, input.municipalityId);
    const run = await lockRun(trx, input.runId);
    if (!run || run.municipality_id !== input.municipalityId || run.state !== 'running')
      return { done: true, scanned: 0 };
    const tariffRow = await trx
      .selectFrom('dues_tariffs')
      .select('tariff')
      .where('id', '=', run.tariff_id)
      .executeTakeFirstOrThrow();
    const { accruesOn, dueOn } = duesYearDates(run.dues_year);
    const limit = input.chunkSize ?? DEFAULT_CHUNK;
    // Block ranges of about `limit` parcels first (sequential reads), then one sweep for what they missed.
    const cursor = run.cursor_block ?? 0;
    const sweeping = cursor >= run.blocks_total;
    await tuneChunkTransaction(trx, { durable: sweeping });
    const { rowsPerBlock } = await parcelBlocks(trx);
    const next = sweeping
      ? cursor
      : Math.min(run.blocks_total, cursor + Math.max(1, Math.ceil(limit / rowsPerBlock)));
    const chunk =
      sweeping && (await everyParcelBilled(trx, input.municipalityId, run.dues_year))
        ? { scanned: 0, serialsUsed: 0, created: 0, exempt: 0, totalRials: 0n }
        : await assessChunk(trx, {
            municipalityId: input.municipalityId,
            runId: run.id,
            duesYear: run.dues_year,
            tariffId: run.tariff_id,
            tariff: tariffRow.tariff as DuesTariff,
            zonesLayerId: zones?.id ?? null,
            range: sweeping ? 'sweep' : { blocks: [cursor, next] },
            companyCode: counter.companyCode,
            lastSerial: counter.lastSerial,
            accruesOn,
            dueOn,
            chargedAt: new Date(zonedInstant(accruesOn, 0, input.timeZone)),
          });
    if (counter.lastSerial + chunk.serialsUsed > 99_999_999)
      throw new Error('the bill serial of this municipality is exhausted (8 digits)');
    await advanceBillCounter(trx, input.municipalityId, chunk.serialsUsed);
    const done = sweeping;
    await recordChunk(trx, run.id, { ...chunk, cursorBlock: next }, done ? clock.now() : null);
    if (done)
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
    return { done, scanned: chunk.scanned };
  });
}
