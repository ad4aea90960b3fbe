import type { Clock } from '../../app-deps.js';
import type { Db } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { enqueueJob } from '../../jobs/job-repository.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { findTariffForYear } from './dues-repository.js';
import { countParcels, findRunningRun, insertRun, parcelBlocks } from './run-repository.js';

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
