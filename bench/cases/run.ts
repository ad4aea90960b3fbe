import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/server/db/connection.js';
import { AUDIT_CHAINS } from '../../src/server/modules/audit/chain.js';
import { verifyAuditChain } from '../../src/server/modules/audit/verify-audit.js';
import { DEMO_CITIZENS, DEMO_PASSWORD } from '../../src/server/modules/demo-city/demo-accounts.js';
import { freePort, startProcess, stopProcess, waitFor200 } from '../lib/processes.js';
import { scratchPostgres } from '../lib/scratch-postgres.js';
import { summariseCpuProfile } from '../zoning/cpu-profile.js';
import { auditedSubmission } from './audited.js';
import {
  capturedQueueQuery,
  explainAnalyze,
  inlineParameters,
  type LoadFigures,
  load,
  staffPrincipal,
  timeQuery,
} from './queue.js';
import { seedSyntheticCases } from './seed-cases.js';
import { myParcelIds, signInCitizen, signInStaff } from './sessions.js';
import { fmt, ratio } from './stats.js';
import { type Applicant, plainSqlSubmission, runWorkers, submitOnce } from './submissions.js';

/** `audit verify` of one municipality, timed. */
async function verifyWithKysely(url: string, municipalityId: string) {
  const handle = await openDatabase({ databaseUrl: url, poolSize: 1 });
  try {
    const started = performance.now();
    const result = await verifyAuditChain(handle.db, municipalityId);
    return { ...result, ms: performance.now() - started };
  } finally {
    await handle.close();
  }
}

import { sampleWaitEvents } from './wait-events.js';

// `npm run bench:cases [-- --cases N] [-- --parcels P] [-- --workers K] [-- --seconds S] [-- --postgres URL]`:
// case files at city scale on a scratch PostgreSQL database (created on the given local server, dropped at the
// end): bulk-loading N synthetic cases, the staff queue page with N cases in the database, and whole case
// submissions through the API. Each figure is printed beside a baseline measured in the same run: this machine
// is shared, so only ratios within one run mean much. Everything runs on 127.0.0.1; the run stops by itself.

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}
const integer = (name: string, fallback: number) => {
  const value = Number((option(name) ?? String(fallback)).replaceAll('_', ''));
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} expects a positive integer`);
  return value;
};
const totalCases = integer('--cases', 1_000_000);
const parcels = integer('--parcels', 20_000);
const workers = integer('--workers', 8);
const submitSeconds = integer('--seconds', 20);
const queueSeconds = integer('--queue-seconds', 10);
const profile = process.argv.includes('--profile');
const serverUrl = option('--postgres') ?? 'postgres://postgres@127.0.0.1:5432/postgres';
if (new URL(serverUrl).hostname !== '127.0.0.1') throw new Error('--postgres must be a server on 127.0.0.1');

const QUEUE_STAFF = 'd1.expert';
const runStarted = performance.now();
const say = (text: string) =>
  process.stderr.write(`[${((performance.now() - runStarted) / 1000).toFixed(0).padStart(5)} s] ${text}\n`);
const out = (text = '') => process.stdout.write(`${text}\n`);
const secs = (ms: number) => `${fmt(ms / 1000, 1)} s`;
const ms = (value: number) => fmt(value, value < 10 ? 2 : 1);

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahrvand-bench-cases-'));
const scratch = await scratchPostgres(serverUrl);
const pool = new pg.Pool({ connectionString: scratch.url, max: workers + 1 });
pool.on('error', () => undefined);
const servers: ReturnType<typeof startProcess>[] = [];
let cleaned = false;
async function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  for (const server of servers.splice(0)) await stopProcess(server);
  await pool.end().catch(() => undefined);
  await scratch.drop();
  fs.rmSync(workDir, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    say(`${signal}: stopping the servers and dropping the scratch database…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

/** The seed CLI as one node process (no npx wrapper); stderr (progress bar) to a log file. */
async function seedCity(env: Record<string, string>): Promise<{ wallMs: number; summary: string }> {
  const log = fs.openSync(path.join(workDir, 'seed.log'), 'w');
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'seed', '--parcels', String(parcels)],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', log] },
  );
  let stdout = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  const code = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode ?? 1));
  });
  fs.closeSync(log);
  if (code !== 0) throw new Error(`seed exited with ${code}: ${stdout}`);
  const summary = stdout.split('\n').find((line) => line.startsWith('Seeded')) ?? stdout.trim();
  return { wallMs: performance.now() - started, summary };
}

interface Row {
  what: string;
  value: string;
  baseline: string;
  ratio: string;
}
const rows: Row[] = [];
const row = (what: string, value: string, baseline = '—', r = '—') =>
  rows.push({ what, value, baseline, ratio: r });
const loadLine = (f: LoadFigures) =>
  `${fmt(f.requestsPerSecond)} req/s, p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms` +
  (f.non2xx || f.errors ? ` (${f.non2xx} non-2xx, ${f.errors} errors)` : '');

out(`# Case files benchmark: ${fmt(totalCases)} cases, ${fmt(parcels)} parcels`);
out();
out(
  `${new Date().toISOString()} · node ${process.version} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'} · ` +
    `${fmt(os.totalmem() / 2 ** 30, 1)} GiB RAM · load average at start ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
);

try {
  // 1. Seeding -------------------------------------------------------------------------------------------
  const env = { DATABASE_URL: scratch.url, LOG_LEVEL: 'warn', SEED_DEMO_CITY: 'false', HOST: '127.0.0.1' };
  say(`seeding a demo city of ${fmt(parcels)} parcels (CLI child process)…`);
  const city = await seedCity(env);
  say(city.summary);
  const municipalityId = city.summary.match(/\(([0-9a-f-]{36})\)/)?.[1];
  if (!municipalityId) throw new Error(`No municipality id in the seed summary: ${city.summary}`);

  say(`inserting ${fmt(totalCases)} synthetic cases with their events (SQL, batches of 100,000)…`);
  const client = await pool.connect();
  let seeded: { cases: number; events: number };
  const casesStarted = performance.now();
  try {
    seeded = await seedSyntheticCases(client, municipalityId, totalCases, {
      onBatch: (done) => say(`  ${fmt(done)} cases (${secs(performance.now() - casesStarted)})`),
    });
  } finally {
    client.release();
  }
  const casesMs = performance.now() - casesStarted;
  say('ANALYZE…');
  const analyzeStarted = performance.now();
  await pool.query('ANALYZE');
  const analyzeMs = performance.now() - analyzeStarted;
  // Settle the new rows (hint bits, visibility map) so autovacuum does not start in the middle of a measurement.
  say('VACUUM…');
  const vacuumStarted = performance.now();
  await pool.query('VACUUM cases, case_events');
  const vacuumMs = performance.now() - vacuumStarted;
  const shape = (
    await pool.query<{
      closed: string;
      open_submitted: string;
      drafts: string;
      queue_d1: string;
      cases_size: string;
      events_size: string;
    }>(
      `SELECT count(*) FILTER (WHERE closed_at IS NOT NULL) AS closed,
              count(*) FILTER (WHERE closed_at IS NULL AND submitted_at IS NOT NULL) AS open_submitted,
              count(*) FILTER (WHERE submitted_at IS NULL) AS drafts,
              count(*) FILTER (WHERE closed_at IS NULL AND submitted_at IS NOT NULL
                                 AND district_id = (SELECT district_id FROM users WHERE username = $1)) AS queue_d1,
              pg_size_pretty(pg_total_relation_size('cases')) AS cases_size,
              pg_size_pretty(pg_total_relation_size('case_events')) AS events_size
         FROM cases`,
      [QUEUE_STAFF],
    )
  ).rows[0];
  row(
    `1. Bulk insert of ${fmt(seeded.cases)} cases + ${fmt(seeded.events)} events (SQL, generate_series)`,
    `${secs(casesMs)} (${fmt(seeded.cases / (casesMs / 1000))} cases/s)`,
    `demo city of ${fmt(parcels)} parcels (seed CLI): ${secs(city.wallMs)}`,
  );
  row('1. ANALYZE (whole database)', secs(analyzeMs));
  row('1. VACUUM cases, case_events (so autovacuum stays out of the measurements)', secs(vacuumMs));

  // 2. Servers ---------------------------------------------------------------------------------------------
  const barePort = await freePort();
  const appPort = await freePort();
  servers.push(startProcess('npx', ['tsx', 'bench/bare-server.ts'], { PORT: String(barePort) }));
  const profileDir = path.join(workDir, 'cpu-profile');
  const appEnv = { ...env, PORT: String(appPort), DATA_DIR: workDir };
  servers.push(
    profile
      ? startProcess(
          process.execPath,
          ['--cpu-prof', '--cpu-prof-dir', profileDir, '--import', 'tsx', 'src/server/main.ts'],
          appEnv,
        )
      : startProcess('npx', ['tsx', 'src/server/main.ts'], appEnv),
  );
  const nowUs = () => Number(process.hrtime.bigint() / 1000n);
  const bareUrl = `http://127.0.0.1:${barePort}/bare`;
  const appUrl = `http://127.0.0.1:${appPort}`;
  await waitFor200(bareUrl);
  await waitFor200(`${appUrl}/healthz`);
  // The server builds the zoning indexes after it starts listening; a lookup waits for them, so the load below
  // does not share the CPU with that build.
  await fetch(`${appUrl}/api/v1/zoning/lookup?lat=0&lng=0`).then((r) => r.arrayBuffer());
  say('servers up');

  // 3. Staff queue --------------------------------------------------------------------------------------------
  const staff = await staffPrincipal(pool, QUEUE_STAFF);
  const queryText = await capturedQueueQuery(pool, staff);
  const literalSql = inlineParameters(queryText.sql, queryText.parameters);
  say('EXPLAIN ANALYZE of the queue query…');
  await explainAnalyze(pool, literalSql); // warm the cache; the plan printed is the second run's
  const plan = await explainAnalyze(pool, literalSql);
  const usesQueueIndex = /cases_queue_idx/.test(plan);
  const definitionSize = (
    await pool.query<{ code: string; bytes: number; stored: number }>(
      `SELECT s.code, octet_length(sv.definition::text) AS bytes, pg_column_size(sv.definition) AS stored
         FROM service_versions sv JOIN services s ON s.id = sv.service_id ORDER BY s.code`,
    )
  ).rows;
  say('the queue query in-process (pg, one at a time), with and without the definition column…');
  const withDefinition = await timeQuery(pool, queryText.sql, queryText.parameters, 200);
  const withoutDefinitionSql = queryText.sql.replace(
    '"service_versions"."definition"',
    '"service_versions"."id" as "definition"',
  );
  const withoutDefinition = await timeQuery(pool, withoutDefinitionSql, queryText.parameters, 200);
  const rowsOnPage = (await pool.query(queryText.sql, queryText.parameters)).rowCount ?? 0;

  const staffSession = await signInStaff(appUrl, QUEUE_STAFF, DEMO_PASSWORD);
  const queueUrl = `${appUrl}/api/v1/cases?sort=deadline&limit=50`;
  const check = await fetch(queueUrl, { headers: { cookie: staffSession.cookie } });
  const page = (await check.json()) as { cases?: unknown[] };
  if (check.status !== 200 || page.cases?.length !== rowsOnPage)
    throw new Error(`Queue page: ${check.status}, ${page.cases?.length} cases (SQL: ${rowsOnPage})`);
  say(`autocannon, 50 connections, ${queueSeconds} s: bare route, queue page, bare route again…`);
  const bare = await load('bare Fastify route', bareUrl, queueSeconds);
  const queueWindow = { fromUs: nowUs(), toUs: 0 };
  const queueWaits = sampleWaitEvents(pool);
  const queue = await load('staff queue page', queueUrl, queueSeconds, { cookie: staffSession.cookie });
  queueWindow.toUs = nowUs();
  const queueWaitText = await queueWaits.stop();
  const bareAfter = await load('bare Fastify route (after)', bareUrl, queueSeconds);
  row(
    `3. GET /api/v1/cases?sort=deadline&limit=50 as ${QUEUE_STAFF} (${fmt(Number(shape.queue_d1))} open cases in the district)`,
    loadLine(queue),
    `bare Fastify route: ${loadLine(bare)}; after: ${fmt(bareAfter.requestsPerSecond)} req/s`,
    `${ratio(queue.requestsPerSecond, bare.requestsPerSecond)} of bare`,
  );
  row(
    '3. The queue query alone (pg, one at a time, 200 runs)',
    `${ms(withDefinition.p50Ms)} ms p50, ${ms(withDefinition.p99Ms)} ms p99`,
    `same query without service_versions.definition: ${ms(withoutDefinition.p50Ms)} ms p50, ${ms(withoutDefinition.p99Ms)} ms p99`,
    `${ratio(withDefinition.p50Ms, withoutDefinition.p50Ms)} ×`,
  );

  // 4. Submissions --------------------------------------------------------------------------------------------
  say(`signing in ${DEMO_CITIZENS.length} demo citizens…`);
  const applicants: Applicant[] = [];
  for (const citizen of DEMO_CITIZENS) {
    const session = await signInCitizen(appUrl, citizen);
    applicants.push({ session, parcelIds: await myParcelIds(appUrl, session) });
  }
  say(`submissions through the API: ${workers} workers, ${submitSeconds} s…`);
  const submitWindow = { fromUs: nowUs(), toUs: 0 };
  const apiWaits = sampleWaitEvents(pool);
  const api = await runWorkers(workers, submitSeconds, (w, seq) =>
    submitOnce(appUrl, applicants[w % applicants.length], seq),
  );
  submitWindow.toUs = nowUs();
  const apiWaitText = await apiWaits.stop();
  const fixture = (
    await pool.query<{
      service_id: string;
      version_id: string;
      user_id: string;
      national_id: string;
      mobile: string;
    }>(
      `SELECT s.id AS service_id, sv.id AS version_id, u.id AS user_id, u.national_id, u.mobile
         FROM services s JOIN service_versions sv ON sv.service_id = s.id AND sv.version = s.current_version
         JOIN users u ON u.municipality_id = s.municipality_id AND u.kind = 'citizen'
        WHERE s.code = 'inquiry' ORDER BY u.national_id LIMIT 1`,
    )
  ).rows[0];
  const parcelRows = (
    await pool.query<{ id: string; district_id: string }>(
      'SELECT id, district_id FROM parcels WHERE id = ANY($1::uuid[])',
      [applicants.flatMap((a) => a.parcelIds)],
    )
  ).rows;
  say(`the same rows by plain SQL: ${workers} concurrent transactions, ${submitSeconds} s…`);
  const plainWaits = sampleWaitEvents(pool);
  const plain = await runWorkers(
    workers,
    submitSeconds,
    plainSqlSubmission(pool, {
      municipalityId,
      serviceId: fixture.service_id,
      versionId: fixture.version_id,
      parcels: parcelRows.map((p) => ({ id: p.id, districtId: p.district_id })),
      userId: fixture.user_id,
      nationalId: fixture.national_id,
      mobile: fixture.mobile,
    }),
  );
  const plainWaitText = await plainWaits.stop();

  // 5. The audit append alone: the plain-SQL rows plus recordAudit, on 32 chains and on one chain (ADR 0008).
  const kysely = await openDatabase({ databaseUrl: scratch.url, poolSize: workers + 1 });
  const submissionFixture = {
    municipalityId,
    serviceId: fixture.service_id,
    versionId: fixture.version_id,
    parcels: parcelRows.map((p) => ({ id: p.id, districtId: p.district_id })),
    userId: fixture.user_id,
    nationalId: fixture.national_id,
    mobile: fixture.mobile,
  };
  say(`plain SQL + audit append, ${workers} concurrent: on one chain (the old design), then on 32 chains…`);
  const oneChainWaits = sampleWaitEvents(pool);
  const oneChain = await runWorkers(
    workers,
    submitSeconds,
    auditedSubmission(kysely.db, submissionFixture, { oneChain: true }),
  );
  const oneChainWaitText = await oneChainWaits.stop();
  const chainsWaits = sampleWaitEvents(pool);
  const chains = await runWorkers(
    workers,
    submitSeconds,
    auditedSubmission(kysely.db, submissionFixture, { oneChain: false }),
  );
  const chainsWaitText = await chainsWaits.stop();
  await kysely.close();
  const verified = await verifyWithKysely(scratch.url, municipalityId);
  row(
    `5. Plain SQL submission + the audit append (recordAudit), ${workers} concurrent, on ${AUDIT_CHAINS} chains chosen by case`,
    `${fmt(chains.perSecond)} tx/s, p50 ${ms(chains.p50Ms)} ms, p99 ${ms(chains.p99Ms)} ms`,
    `every event on one chain (ADR 0003's design): ${fmt(oneChain.perSecond)} tx/s, p50 ${ms(oneChain.p50Ms)} ms, p99 ${ms(oneChain.p99Ms)} ms`,
    `${ratio(chains.perSecond, oneChain.perSecond)} ×`,
  );
  row(
    '5. `audit verify` of the municipality after the run',
    `${verified.ok ? 'intact' : 'TAMPERED'}: ${fmt(verified.rows)} rows in ${verified.chains} chains, ${secs(verified.ms)}`,
  );
  row(
    `2. Whole submissions through the API (draft + 3 uploads of 3-4 KB + submit = 5 requests), ${workers} workers`,
    `${fmt(api.perSecond, 1)} submissions/s (${fmt(api.count)} in ${submitSeconds} s), p50 ${ms(api.p50Ms)} ms, p99 ${ms(api.p99Ms)} ms`,
    `plain SQL, 1 transaction (case + 3 documents + 2 events), ${workers} concurrent: ${fmt(plain.perSecond)} tx/s, p50 ${ms(plain.p50Ms)} ms, p99 ${ms(plain.p99Ms)} ms`,
    `${ratio(api.perSecond, plain.perSecond)} of plain SQL`,
  );

  let profileText = '';
  if (profile) {
    for (const server of servers.splice(0)) await stopProcess(server);
    profileText = [
      '## CPU profile of the server (run with --profile: figures above are under the profiler)',
      '',
      '### During the queue load',
      '',
      summariseCpuProfile(profileDir, queueWindow, 20),
      '',
      '### During the submissions',
      '',
      summariseCpuProfile(profileDir, submitWindow, 20),
    ].join('\n');
  }

  // Report ----------------------------------------------------------------------------------------------
  out();
  out(
    `Database: ${fmt(totalCases)} synthetic cases (${fmt(Number(shape.closed))} closed, ${fmt(Number(shape.open_submitted))} open and submitted, ` +
      `${fmt(Number(shape.drafts))} drafts) over 4 districts; cases ${shape.cases_size}, case_events ${shape.events_size} (before the submissions).`,
  );
  out(`Seed summary line: ${city.summary.trim()}`);
  out();
  out('## Results');
  out();
  out('| measurement | value | same-run baseline | ratio |');
  out('|---|---|---|---|');
  // Listed as numbered (1 loading, 2 submissions, 3 queue), though the queue is measured first, before the
  // submissions add their rows.
  rows.sort((a, b) => Number.parseInt(a.what, 10) - Number.parseInt(b.what, 10));
  for (const r of rows) out(`| ${r.what} | ${r.value} | ${r.baseline} | ${r.ratio} |`);
  out();
  const failures =
    api.failures.length + plain.failures.length + oneChain.failures.length + chains.failures.length;
  if (failures > 0)
    out(
      `Failures: API ${api.failures.length}, SQL ${plain.failures.length}: ${api.failures[0] ?? plain.failures[0]}`,
    );
  out(`Database sessions during the queue load (pg_stat_activity every 20 ms): ${queueWaitText}.`);
  out(`During the API submissions (pg_stat_activity every 20 ms): ${apiWaitText}.`);
  out(`During the plain-SQL baseline: ${plainWaitText}.`);
  out(`During plain SQL + audit on one chain: ${oneChainWaitText}.`);
  out(`During plain SQL + audit on ${AUDIT_CHAINS} chains: ${chainsWaitText}.`);
  out(
    `Service definitions, carried whole by every row of the queue page: ${definitionSize
      .map((d) => `${d.code} ${fmt(d.bytes / 1024, 1)} KiB of JSON (${fmt(d.stored / 1024, 1)} KiB stored)`)
      .join(', ')}.`,
  );
  out();
  out(`## The queue query (Kysely's SQL for ${QUEUE_STAFF}, parameters written in)`);
  out();
  out('```sql');
  out(literalSql);
  out('```');
  out();
  out(`Uses \`cases_queue_idx\`: **${usesQueueIndex ? 'yes' : 'no'}**.`);
  out();
  out('```');
  out(plan);
  out('```');
  out();
  if (profileText) {
    out();
    out(profileText);
  }
  out();
  out(
    `Load average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; whole run ${secs(performance.now() - runStarted)}.`,
  );
} finally {
  await cleanUp();
}
