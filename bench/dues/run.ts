import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/server/db/connection.js';
import { systemActor } from '../../src/server/modules/audit/actor.js';
import { DEMO_DUES_TARIFF_1404 } from '../../src/server/modules/dues/rules/demo-dues-tariffs.js';
import { localDay } from '../../src/server/modules/dues/rules/dues-calendar.js';
import { setDuesTariff } from '../../src/server/modules/dues/tariffs.js';
import { startZarinpalSandbox } from '../../src/server/modules/payments/sandbox/zarinpal-sandbox.js';
import { freePort, startProcess, stopProcess, waitFor200 } from '../lib/processes.js';
import { scratchPostgres } from '../lib/scratch-postgres.js';
import { payableBills, payBillsLoop, sandboxOnlyLoop } from './payments.js';

// `npm run bench:dues [-- --parcels N] [-- --seconds S] [-- --workers K] [-- --postgres URL]`: renewal dues at city
// scale on a scratch PostgreSQL database (created on the local server, dropped at the end). Measures the annual
// assessment of every parcel through the CLI (wall time, peak RSS) beside a plain INSERT … SELECT of as many
// bill-shaped rows in the same run, and payments completed per second through the sandbox gateway beside the
// gateway protocol alone. Only ratios within one run mean much: the machine is shared.

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}
const integer = (name: string, fallback: number) => {
  const value = Number((option(name) ?? String(fallback)).replaceAll('_', ''));
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} expects a positive integer`);
  return value;
};
const parcels = integer('--parcels', 1_000_000);
const seconds = integer('--seconds', 20);
const workers = integer('--workers', 8);
const serverUrl = option('--postgres') ?? 'postgres://postgres@127.0.0.1:5432/postgres';
if (new URL(serverUrl).hostname !== '127.0.0.1') throw new Error('--postgres must be a server on 127.0.0.1');

const started = performance.now();
const say = (text: string) =>
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s] ${text}\n`);
const out = (text = '') => process.stdout.write(`${text}\n`);
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahrvand-bench-dues-'));
const scratch = await scratchPostgres(serverUrl);
const sandbox = await startZarinpalSandbox({ merchantIds: ['00000000-0000-4000-8000-000000000000'] });
let server: ReturnType<typeof startProcess> | null = null;
const handle = await openDatabase({ databaseUrl: scratch.url, poolSize: 4 });
async function cleanUp() {
  if (server) await stopProcess(server);
  await sandbox.close();
  await handle.close().catch(() => undefined);
  await scratch.drop();
  fs.rmSync(workDir, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

/** Runs the CLI as one node process; returns its wall time and last stdout line. */
async function cli(args: string[]): Promise<{ ms: number; line: string; first: string }> {
  const log = fs.openSync(path.join(workDir, `${args[0]}.log`), 'w');
  const begin = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    env: { ...process.env, DATABASE_URL: scratch.url, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', log],
  });
  let stdout = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  const code = await new Promise<number>((resolve) => child.once('exit', (c) => resolve(c ?? 1)));
  fs.closeSync(log);
  if (code !== 0) throw new Error(`cli ${args.join(' ')} exited ${code}: ${stdout}`);
  const lines = stdout.trim().split('\n');
  return { ms: performance.now() - begin, line: lines.at(-1) ?? '', first: lines[0] ?? '' };
}

try {
  out(`# Renewal dues benchmark: ${fmt(parcels)} parcels`);
  out();
  out(
    `${new Date().toISOString()} · node ${process.version} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'} · load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  out();
  say(`seeding ${fmt(parcels)} parcels (no dues)…`);
  const seed = await cli(['seed', '--parcels', String(parcels), '--no-dues']);
  out(`- seed: ${seed.line}`);
  const db = handle.db;
  const municipality = await db.selectFrom('municipalities').select(['id', 'code']).executeTakeFirstOrThrow();
  await setDuesTariff(db, {
    municipalityId: municipality.id,
    duesYear: 1404,
    tariff: DEMO_DUES_TARIFF_1404,
    actor: systemActor(municipality.id),
    at: new Date(),
  });
  const year = localDay(new Date(), 'Asia/Tehran').jalali.year;

  say('baseline: INSERT … SELECT of one bill-shaped row per parcel…');
  const pool = (await import('pg')).default;
  const client = new pool.Client({ connectionString: scratch.url });
  await client.connect();
  await client.query('ANALYZE');
  await client.query(`CREATE TABLE bench_plain_bills (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(), municipality_id uuid NOT NULL, parcel_id uuid NOT NULL,
    dues_year integer NOT NULL, bill_id text NOT NULL, land_use text NOT NULL, land_area_m2 numeric(12,2) NOT NULL,
    built_area_m2 numeric(12,2) NOT NULL, principal_rials bigint NOT NULL, state text NOT NULL, accrues_on date NOT NULL,
    due_on date NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
  const plainStart = performance.now();
  const plain =
    await client.query(`INSERT INTO bench_plain_bills (municipality_id, parcel_id, dues_year, bill_id,
      land_use, land_area_m2, built_area_m2, principal_rials, state, accrues_on, due_on)
    SELECT municipality_id, id, ${year}, (row_number() OVER ())::text, land_use, land_area_m2, built_area_m2,
      (land_area_m2 * 1000)::bigint, 'open', now()::date, now()::date FROM parcels`);
  const plainMs = performance.now() - plainStart;
  out(
    `- baseline INSERT … SELECT of ${fmt(plain.rowCount ?? 0)} bill-shaped rows (uuid key, no other index): **${fmt(plainMs / 1000, 1)} s**`,
  );
  await client.query('DROP TABLE bench_plain_bills');

  say(`assessing ${year} with the CLI…`);
  const assess = await cli(['dues', 'assess', '--year', String(year), '--municipality', municipality.code]);
  out(
    `- \`npm run cli -- dues assess --year ${year}\`: **${fmt(assess.ms / 1000, 1)} s** wall (process start included): ${assess.line}`,
  );
  const inside = Number(/in ([\d.]+) s/.exec(assess.line)?.[1] ?? Number.NaN) * 1000;
  out(
    `- ratio assessment / baseline: **${fmt(inside / plainMs, 2)}×** measured inside the CLI (${fmt(inside / 1000, 1)} s), ${fmt(assess.ms / plainMs, 2)}× with process start (goal ≤ 3×)`,
  );
  const counts =
    await client.query(`SELECT (SELECT count(*) FROM bills) AS bills, (SELECT count(*) FROM ledger_lines) AS lines,
    pg_size_pretty(pg_total_relation_size('bills')) AS bills_size, pg_size_pretty(pg_total_relation_size('ledger_lines')) AS lines_size`);
  out(
    `- rows written: ${fmt(Number(counts.rows[0].bills))} bills (${counts.rows[0].bills_size}), ${fmt(Number(counts.rows[0].lines))} ledger lines (${counts.rows[0].lines_size})`,
  );
  await client.query('ANALYZE');
  say('ledger check…');
  const check = await cli(['ledger', 'check']);
  out(
    `- \`npm run cli -- ledger check\` over the whole ledger: ${fmt(check.ms / 1000, 1)} s (${check.first.trim()})`,
  );
  await client.query('ANALYZE');

  say('payments through the sandbox gateway…');
  const port = await freePort();
  server = startProcess(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    DATABASE_URL: scratch.url,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    SEED_DEMO_CITY: 'false',
    PAYMENT_SANDBOX: 'false',
    PAYMENT_GATEWAY_URL: sandbox.url,
  });
  await waitFor200(`http://127.0.0.1:${port}/readyz`);
  // The server builds every municipality's zoning indexes in the background after it starts listening (a minute of
  // its one thread at a million parcels); a zoning lookup waits for that build, so payments are measured after it.
  const warm = await fetch(
    `http://127.0.0.1:${port}/api/v1/zoning/lookup?municipality=${municipality.code}&lat=35.7&lng=51.4`,
  );
  say(`zoning indexes warm (lookup answered ${warm.status})`);
  const bills = await payableBills(db, municipality.id, workers * seconds * 200);
  const base = `http://127.0.0.1:${port}`;
  const baseline = await sandboxOnlyLoop(sandbox, workers, Math.min(seconds, 10));
  out(
    `- baseline, the gateway protocol alone (request → pay → verify against the sandbox, ${workers} workers): **${fmt(baseline.perSecond, 1)} payments/s**`,
  );
  const paid = await payBillsLoop(base, municipality.code, sandbox, bills, workers, seconds);
  out(
    `- through Shahrvand (POST /api/v1/payments/by-bill-id → gateway → callback → verify → ledger, ${workers} workers, ${seconds} s): **${fmt(paid.perSecond, 1)} payments/s**, p50 ${fmt(paid.p50, 0)} ms, p99 ${fmt(paid.p99, 0)} ms, ${paid.errors} errors — ${fmt(paid.perSecond / baseline.perSecond, 2)} of the baseline`,
  );
  const after = await cli(['ledger', 'check']);
  out(`- ledger check after the payments: ${after.first.trim()}`);
  await client.end();
  out();
  out(`total run ${fmt((performance.now() - started) / 1000, 0)} s`);
} finally {
  await cleanUp();
}
