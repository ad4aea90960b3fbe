import { sql } from 'kysely';
import type { Db } from '../db/schema.js';

export interface NewJob {
  municipalityId: string | null;
  kind: string;
  runAt: Date;
  payload: Record<string, unknown>;
}

/** Schedules a job; call it with the transaction of the change that needs it, so both land or neither does. */
export async function enqueueJob(trx: Db, job: NewJob): Promise<void> {
  await trx
    .insertInto('jobs')
    .values({
      municipality_id: job.municipalityId,
      kind: job.kind,
      run_at: job.runAt,
      payload: JSON.stringify(job.payload),
    })
    .execute();
}

/**
 * Schedules a job unless one of the same kind is already waiting (a self-rescheduling job such as reconciliation
 * keeps exactly one chain). `exceptId` is the job now running, which is not done yet but does not count.
 */
export async function enqueueUniqueJob(db: Db, job: NewJob, exceptId?: string): Promise<void> {
  await sql`
    INSERT INTO jobs (municipality_id, kind, run_at, payload)
    SELECT ${job.municipalityId}::uuid, ${job.kind}::text, ${job.runAt}::timestamptz, ${JSON.stringify(job.payload)}::jsonb
    WHERE NOT EXISTS (
      SELECT 1 FROM jobs WHERE kind = ${job.kind} AND done_at IS NULL AND id::text <> ${exceptId ?? ''}
    )`.execute(db);
}

/** Makes waiting jobs of a kind due now; returns how many there were. */
export async function bringJobsForward(db: Db, kind: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('jobs')
    .set({ run_at: now })
    .where('kind', '=', kind)
    .where('done_at', 'is', null)
    .where('run_at', '>', now)
    .executeTakeFirst();
  const waiting = await db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', kind)
    .where('done_at', 'is', null)
    .limit(1)
    .execute();
  return Math.max(Number(result.numUpdatedRows), waiting.length);
}

/**
 * Claims up to `limit` due jobs for `leaseMs`: a job whose worker dies is claimed again when its lease runs out.
 * SKIP LOCKED lets several workers on PostgreSQL share the queue without taking the same job.
 */
export async function claimDueJobs(db: Db, now: Date, limit: number, leaseMs: number) {
  const lockedUntil = new Date(now.getTime() + leaseMs);
  const { rows } = await sql<{
    id: string;
    kind: string;
    payload: Record<string, unknown>;
    attempts: number;
    municipality_id: string | null;
  }>`
    UPDATE jobs SET locked_until = ${lockedUntil}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM jobs
      WHERE done_at IS NULL AND run_at <= ${now} AND (locked_until IS NULL OR locked_until <= ${now})
      ORDER BY run_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, kind, payload, attempts, municipality_id`.execute(db);
  return rows;
}

export async function completeJob(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('jobs').set({ done_at: at, locked_until: null }).where('id', '=', id).execute();
}

/** Puts a failed job back for a later try, or gives up after `maxAttempts` (kept, with the error, for operators). */
export async function failJob(
  db: Db,
  id: string,
  error: string,
  retryAt: Date | null,
  at: Date,
): Promise<void> {
  await db
    .updateTable('jobs')
    .set(
      retryAt
        ? { run_at: retryAt, locked_until: null, last_error: error }
        : { done_at: at, locked_until: null, last_error: `gave up: ${error}` },
    )
    .where('id', '=', id)
    .execute();
}
