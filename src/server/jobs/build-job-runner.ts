import type { FastifyInstance } from 'fastify';
import { DEADLINE_JOB } from '../modules/cases/act-on-case.js';
import { deadlineJobHandler } from '../modules/cases/deadline-job.js';
import { SMS_JOB, smsJobHandler } from '../modules/cases/notify.js';
import { ASSESSMENT_JOB } from '../modules/dues/assess-dues.js';
import { assessmentJobHandler } from '../modules/dues/assessment-job.js';
import { assessmentWorkerCount } from '../modules/dues/assessment-workers.js';
import { registerPaymentJobs } from '../modules/payments/build-payments.js';
import { JobRunner } from './job-runner.js';

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobRunner;
  }
}

/** The background jobs this app runs: deadline timers, SMS delivery, dues assessment, payment refunds and
 * reconciliation. main.ts starts the polling. */
export function buildJobRunner(app: FastifyInstance): JobRunner {
  const { db, clock } = app.deps;
  const runner = new JobRunner(db, clock, app.log);
  runner.register(DEADLINE_JOB, deadlineJobHandler(db, clock));
  runner.register(
    SMS_JOB,
    smsJobHandler(db, (to, text) => app.deps.sms.send({ to, text }), clock),
  );
  runner.register(
    ASSESSMENT_JOB,
    assessmentJobHandler(
      db,
      clock,
      assessmentWorkerCount(app.deps.engine, app.deps.config.dues.assessmentWorkers),
    ),
  );
  registerPaymentJobs(runner, app.payments, app.deps.config.payments.reconcileEveryMinutes);
  app.addHook('onClose', async () => runner.stop());
  return runner;
}
