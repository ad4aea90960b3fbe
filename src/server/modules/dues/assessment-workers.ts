import os from 'node:os';
import type { Clock } from '../../app-deps.js';
import type { DatabaseEngine } from '../../db/connection.js';
import type { Db } from '../../db/schema.js';
import { assessNextChunk } from './assess-next-chunk.js';

/**
 * How many chunks of an assessment to bill at once: as asked (`DUES_ASSESSMENT_WORKERS`, the CLI's `--workers`),
 * else one per core up to two. Always one on PGlite: it is a single session, so a second worker would only queue
 * behind the first.
 */
export function assessmentWorkerCount(engine: DatabaseEngine, asked?: number): number {
  if (engine === 'pglite') return 1;
  return Math.max(1, asked ?? Math.min(2, os.availableParallelism()));
}

/**
 * Steps a run with `workers` concurrent workers, each on its own connection, until the run is finished or
 * `until` (a `performance.now()` time) has passed; a worker that fails stops the others after their current step,
 * and its error is thrown. `onStep` gets the parcels each step read (for a progress bar). Returns whether the run
 * is finished.
 */
export async function runAssessmentWorkers(
  db: Db,
  clock: Clock,
  input: {
    municipalityId: string;
    runId: string;
    timeZone: string;
    chunkSize?: number;
    workers: number;
    until?: number;
    onStep?: (scanned: number) => void;
  },
): Promise<boolean> {
  let finished = false;
  let failed = false;
  const worker = async () => {
    while (!finished && !failed && (input.until === undefined || performance.now() < input.until)) {
      try {
        const step = await assessNextChunk(db, clock, input);
        input.onStep?.(step.scanned);
        if (step.done) finished = true;
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const outcomes = await Promise.allSettled(Array.from({ length: input.workers }, worker));
  const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (rejected) throw rejected.reason;
  return finished;
}
