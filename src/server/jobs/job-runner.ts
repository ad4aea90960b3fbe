import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../app-deps.js';
import type { Db } from '../db/schema.js';
import { claimDueJobs, completeJob, failJob } from './job-repository.js';
import { PollTimer } from './poll-timer.js';

export type JobHandler = (job: {
  id: string;
  payload: Record<string, unknown>;
  municipalityId: string | null;
}) => Promise<void>;

const MAX_ATTEMPTS = 8;
const LEASE_MS = 60_000;

/**
 * Runs due jobs from the `jobs` table. Handlers must be idempotent: a job may run twice if a worker dies after
 * doing the work and before marking it done. Failures are retried with exponential back-off.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly poll = new PollTimer(
    () => this.runDue(),
    (err: unknown) => this.log.error({ err }, 'job runner failed'),
  );
  private running: Promise<number> | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
  ) {}

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Runs every job due now (and any that become due meanwhile); returns how many ran. Tests call it directly. */
  async runDue(batch = 50): Promise<number> {
    this.running ??= this.drain(batch).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drain(batch: number): Promise<number> {
    let ran = 0;
    for (;;) {
      const jobs = await claimDueJobs(this.db, this.clock.now(), batch, LEASE_MS);
      if (jobs.length === 0) return ran;
      for (const job of jobs) {
        const handler = this.handlers.get(job.kind);
        try {
          if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
          await handler({ id: job.id, payload: job.payload, municipalityId: job.municipality_id });
          await completeJob(this.db, job.id, this.clock.now());
        } catch (err) {
          const now = this.clock.now();
          const retryAt =
            job.attempts >= MAX_ATTEMPTS ? null : new Date(now.getTime() + 2 ** job.attempts * 5_000);
          this.log.warn({ err, job: job.id, kind: job.kind, attempts: job.attempts }, 'job failed');
          await failJob(this.db, job.id, (err as Error).message, retryAt, now);
        }
        ran++;
      }
    }
  }

  /** Polls every `intervalMs` until stopped. */
  start(intervalMs = 2_000): void {
    this.poll.start(intervalMs);
  }

  async stop(): Promise<void> {
    this.poll.stop();
    await this.running;
  }
}
