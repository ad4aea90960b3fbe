import { loadConfig } from '../../server/config.js';
import type { Db } from '../../server/db/schema.js';
import { resolveMunicipality } from '../../server/modules/accounts/resolve-municipality.js';
import { systemActor } from '../../server/modules/audit/actor.js';
import { DEFAULT_CHUNK, startAssessment } from '../../server/modules/dues/assess-dues.js';
import { assessmentWorkerCount, runAssessmentWorkers } from '../../server/modules/dues/assessment-workers.js';
import { municipalityTimeZone } from '../../server/modules/dues/bill-repository.js';
import { findRun } from '../../server/modules/dues/run-repository.js';
import { countingBar, parseOrExit } from '../counting-bar.js';
import { openCommandDatabase } from '../open-database.js';

const USAGE = `Usage: npm run cli -- dues assess --year YEAR [--municipality CODE] [--chunk N] [--workers K]

  Assesses the renewal dues of every parcel for a Jalali year under the tariff in force, in chunks of N parcels
  (default ${DEFAULT_CHUNK}), each its own transaction, K chunks at once on PostgreSQL (default: one per core up to
  two, or DUES_ASSESSMENT_WORKERS; always one on the embedded database). Stopped or crashed, the same command
  resumes the run; a parcel already billed for the year is never billed again.
`;

export interface AssessArgs {
  year: number;
  municipality?: string;
  chunk: number;
  workers?: number;
}

export function parseAssessArgs(args: string[]): AssessArgs | 'help' {
  if (args[0] !== 'assess') throw new Error('Unknown dues command.');
  const values: Partial<AssessArgs> = { chunk: DEFAULT_CHUNK };
  for (let i = 1; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    if (flag === '--help' || flag === '-h') return 'help';
    const value = inline ?? args[++i];
    if (value === undefined) throw new Error(`${flag} needs a value.`);
    if (flag === '--year' || flag === '--chunk' || flag === '--workers') {
      if (!/^\d+$/.test(value) || Number(value) < 1)
        throw new Error(`${flag} expects a positive whole number, got "${value}".`);
      values[flag.slice(2) as 'year' | 'chunk' | 'workers'] = Number(value);
    } else if (flag === '--municipality') values.municipality = value;
    else throw new Error(`Unknown option "${args[i]}".`);
  }
  if (!values.year || values.year < 1300 || values.year > 1700)
    throw new Error('--year YEAR (Jalali, e.g. 1405) is required.');
  return values as AssessArgs;
}

/** Runs an assessment to its end in this process, reporting progress as parcels are billed. */
export async function assessToEnd(
  db: Db,
  input: {
    municipalityId: string;
    year: number;
    chunk: number;
    workers: number;
    onProgress?: (done: number, total: number) => void;
  },
) {
  const clock = { now: () => new Date() };
  const { run, resumed } = await startAssessment(db, clock, {
    municipalityId: input.municipalityId,
    duesYear: input.year,
    actor: systemActor(input.municipalityId),
    enqueue: false,
  });
  const timeZone = await municipalityTimeZone(db, input.municipalityId);
  let done = run.parcels_done;
  input.onProgress?.(done, run.parcels_total);
  await runAssessmentWorkers(db, clock, {
    municipalityId: input.municipalityId,
    runId: run.id,
    chunkSize: input.chunk,
    timeZone,
    workers: input.workers,
    onStep: (scanned) => {
      done += scanned;
      input.onProgress?.(done, run.parcels_total);
    },
  });
  return { resumed, run: await findRun(db, input.municipalityId, run.id) };
}

export async function run(args: string[]): Promise<number> {
  const options = parseOrExit(args, parseAssessArgs, USAGE);
  if (typeof options === 'number') return options;
  const started = performance.now();
  const handle = await openCommandDatabase();
  const bar = countingBar('Assessing parcels');
  try {
    const municipality = await resolveMunicipality(
      handle.db,
      options.municipality,
      loadConfig().defaultMunicipality,
    );
    let barStarted = false;
    const result = await assessToEnd(handle.db, {
      municipalityId: municipality.id,
      year: options.year,
      chunk: options.chunk,
      workers: assessmentWorkerCount(handle.engine, options.workers ?? loadConfig().dues.assessmentWorkers),
      onProgress: (done, total) => {
        if (!barStarted) bar.start(total, done);
        barStarted = true;
        bar.update(done);
      },
    });
    bar.stop();
    const run = result.run;
    process.stdout.write(
      `${result.resumed ? 'Resumed and finished' : 'Finished'} the ${options.year} assessment of "${municipality.code}": ` +
        `${run?.bills_created.toLocaleString('en')} bills (${run?.exempt_count.toLocaleString('en')} exempt), ` +
        `${BigInt(run?.total_rials ?? 0).toLocaleString('en')} rials, in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
        `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB.\n`,
    );
    return 0;
  } finally {
    bar.stop();
    await handle.close();
  }
}
