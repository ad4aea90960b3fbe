import type { Clock } from '../../app-deps.js';
import type { Db } from '../../db/schema.js';
import type { JobHandler } from '../../jobs/job-runner.js';
import { assessNextChunk, enqueueAssessmentJob } from './assess-dues.js';
import { municipalityTimeZone } from './bill-repository.js';

/** How long one job keeps the runner before handing the rest of the run to a new job, so other jobs get turns. */
const SLICE_MS = 5_000;

/**
 * Carries an assessment run forward chunk by chunk. Idempotent: a chunk is one transaction that advances the run's
 * cursor, and a parcel already billed for the year is skipped, so a job re-run after a crash bills nobody twice.
 */
export function assessmentJobHandler(db: Db, clock: Clock): JobHandler {
  return async (job) => {
    const runId = String(job.payload.runId);
    const municipalityId = job.municipalityId;
    if (!municipalityId) throw new Error('assessment job without a municipality');
    const timeZone = await municipalityTimeZone(db, municipalityId);
    const sliceEnds = performance.now() + SLICE_MS;
    for (;;) {
      const { done } = await assessNextChunk(db, clock, { municipalityId, runId, timeZone });
      if (done) return;
      if (performance.now() > sliceEnds) {
        await enqueueAssessmentJob(db, clock, municipalityId, runId);
        return;
      }
    }
  };
}
