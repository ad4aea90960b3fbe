import type { Clock } from '../../app-deps.js';
import type { Db } from '../../db/schema.js';
import type { JobHandler } from '../../jobs/job-runner.js';
import { enqueueAssessmentJob } from './assess-dues.js';
import { runAssessmentWorkers } from './assessment-workers.js';
import { municipalityTimeZone } from './bill-repository.js';

/** How long one job keeps the runner before handing the rest of the run to a new job, so other jobs get turns. */
const SLICE_MS = 5_000;

/**
 * Carries an assessment run forward, `workers` chunks at a time. Idempotent: a chunk is one transaction that marks
 * its claim done, and a parcel already billed for the year is skipped, so a job re-run after a crash bills nobody
 * twice.
 */
export function assessmentJobHandler(db: Db, clock: Clock, workers: number): JobHandler {
  return async (job) => {
    const runId = String(job.payload.runId);
    const municipalityId = job.municipalityId;
    if (!municipalityId) throw new Error('assessment job without a municipality');
    const timeZone = await municipalityTimeZone(db, municipalityId);
    const done = await runAssessmentWorkers(db, clock, {
      municipalityId,
      runId,
      timeZone,
      workers,
      until: performance.now() + SLICE_MS,
    });
    if (!done) await enqueueAssessmentJob(db, clock, municipalityId, runId);
  };
}
