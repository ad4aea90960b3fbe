import fs from 'node:fs';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migrate } from '../../src/server/db/migrate.js';
import type { Database } from '../../src/server/db/schema.js';
import { systemActor } from '../../src/server/modules/audit/actor.js';
import { issueCertificate } from '../../src/server/modules/certificates/issue-certificate.js';
import { CertificateKeyring } from '../../src/server/modules/certificates/keyring.js';
import { CLEAN_FINDINGS } from '../../src/server/modules/certificates/test-support.js';
import { seedDemoServices } from '../../src/server/modules/demo-city/seed-demo-services.js';
import { seedInquirySettings } from '../../src/server/modules/inquiries/settings-service.js';
import { buildApiClient, buildCitizenOwner, buildCity } from '../../test/factories.js';
import { printRates, timeConcurrent } from '../certificates/timing.js';
import { freePort, startProcess, stopProcess, waitFor200 } from '../lib/processes.js';
import { scratchPostgres } from '../lib/scratch-postgres.js';

// `npm run bench:inquiries [-- --seconds S] [-- --workers K] [-- --parcels N] [-- --postgres URL]`:
// auto-issued inquiry responses per second end to end through the API (HTTP, client-credentials token, request →
// rule → case → signed certificate stored), K requests at once, with p50/p99 latency; beside a baseline measured in
// the same run: K transactions at once, each doing as many plain INSERTs as one inquiry writes rows (counted in
// this run). Loopback only; the scratch database is dropped at the end.

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}
const seconds = Number(option('--seconds') ?? 15);
const workers = Number(option('--workers') ?? 8);
const parcelCount = Number(option('--parcels') ?? 200);
const serverUrl = option('--postgres') ?? 'postgres://postgres@127.0.0.1:5432/postgres';
if (new URL(serverUrl).hostname !== '127.0.0.1') throw new Error('--postgres must be a server on 127.0.0.1');
const SECRET = 'bench-secret-of-at-least-thirty-two-chars';
const DAY = 86_400_000;

/** Tables an inquiry writes rows into; their growth over one request is what the baseline writes. */
const WRITTEN_TABLES = [
  'cases',
  'case_events',
  'case_counters',
  'audit_log',
  'jobs',
  'notifications',
  'certificates',
  'certificate_counters',
  'inquiries',
] as const;

async function rowCount(db: Kysely<Database>): Promise<number> {
  let total = 0;
  for (const table of WRITTEN_TABLES) {
    const row = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db);
    total += Number(row.rows[0].n);
  }
  return total;
}

/** CPU seconds used so far by every process of a process group (the server started detached: npx, tsx, node). */
function groupCpuSeconds(pgid: number | undefined): number {
  let ticks = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / 100; // USER_HZ
}

async function prepare(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: workers + 2 });
  // Dropping the scratch database at the end ends idle connections from the server side.
  pool.on('error', () => undefined);
  await migrate(pool);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const city = await buildCity(db);
  const municipalityId = city.municipality.id;
  await seedDemoServices(db, municipalityId, [1405, 1406]);
  await seedInquirySettings(db, municipalityId);
  const owner = await buildCitizenOwner(db, {
    municipalityId,
    districtId: city.district1.id,
    parcels: parcelCount,
  });
  const keyring = new CertificateKeyring(SECRET);
  const issuedAt = new Date(Date.now() - 5 * DAY);
  // Every parcel has an inquiry response from 5 days ago: each request below is auto-issued.
  for (const parcel of owner.parcels)
    await db.transaction().execute((trx) =>
      issueCertificate(trx, keyring, {
        kind: 'inquiry_response',
        municipalityId,
        parcelId: parcel.id,
        findings: CLEAN_FINDINGS,
        outcome: 'no_objection',
        purpose: 'transfer',
        issuedAt,
        validUntil: new Date(issuedAt.getTime() + 60 * DAY),
        actor: systemActor(municipalityId),
      }),
    );
  const client = await buildApiClient(db, { municipalityId, kind: 'bank' });
  await sql`CREATE TABLE bench_rows (id bigserial PRIMARY KEY, municipality_id uuid, payload jsonb, at timestamptz)`.execute(
    db,
  );
  return { pool, db, municipalityId, renewalCodes: owner.parcels.map((p) => p.renewal_code), client };
}

async function token(base: string, client: { clientId: string; secret: string }): Promise<string> {
  const response = await fetch(`${base}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.secret,
    }),
  });
  if (response.status !== 200) throw new Error(`token: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

console.log(
  `# Inquiries benchmark (${new Date().toISOString()}, ${seconds} s per figure, ${workers} at once, Node ${process.version})`,
);
const scratch = await scratchPostgres(serverUrl, 'shahrvand_bench_inquiries');
const prepared = await prepare(scratch.url);
const port = await freePort();
const app = startProcess('npx', ['tsx', 'src/server/main.ts'], {
  PORT: String(port),
  HOST: '127.0.0.1',
  DATABASE_URL: scratch.url,
  SEED_DEMO_CITY: 'false',
  LOG_LEVEL: 'warn',
  CERTIFICATE_KEY_SECRET: SECRET,
  ACCESS_TOKEN_TTL_SECONDS: '3600',
});
try {
  const base = `http://127.0.0.1:${port}`;
  await waitFor200(`${base}/healthz`);
  const bearer = await token(base, prepared.client);
  let n = 0;
  let failures = 0;
  const ask = async () => {
    const renewalCode = prepared.renewalCodes[n++ % prepared.renewalCodes.length];
    const response = await fetch(`${base}/api/v1/inquiries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ parcel: { renewalCode }, purpose: 'mortgage' }),
    });
    const body = await response.text();
    if (response.status !== 201) {
      failures++;
      if (failures <= 3) console.error(`not auto-issued: ${response.status} ${body.slice(0, 300)}`);
    }
  };
  const before = await rowCount(prepared.db);
  await ask(); // warm-up, and the rows one inquiry writes
  const rowsPerInquiry = (await rowCount(prepared.db)) - before;
  for (let i = 0; i < 20; i++) await ask();

  const payload = JSON.stringify({ findings: CLEAN_FINDINGS, filler: 'x'.repeat(1500) });
  const baseline = await timeConcurrent(
    `baseline: transaction of ${rowsPerInquiry} plain INSERTs, ${workers} at once`,
    seconds,
    workers,
    () =>
      prepared.db.transaction().execute(async (trx) => {
        for (let i = 0; i < rowsPerInquiry; i++)
          await trx
            .insertInto('bench_rows' as never)
            .values({ municipality_id: prepared.municipalityId, payload, at: new Date() } as never)
            .execute();
      }),
  );
  const cpuBefore = groupCpuSeconds(app.pid);
  const single = await timeConcurrent('POST /api/v1/inquiries, auto-issued, one at a time', seconds, 1, ask);
  const serverCpuMs = ((groupCpuSeconds(app.pid) - cpuBefore) * 1000) / single.count;
  const api = await timeConcurrent(
    `POST /api/v1/inquiries, auto-issued, ${workers} at once (HTTP, bearer token)`,
    seconds,
    workers,
    ask,
  );
  printRates('Auto-issued inquiries end to end on PostgreSQL', [single, api, baseline], baseline);
  const issued = await sql<{
    n: string;
  }>`SELECT count(*) AS n FROM inquiries WHERE status = 'issued'`.execute(prepared.db);
  console.log(
    `\nServer CPU per inquiry, one at a time: ${serverCpuMs.toFixed(1)} ms (of ${single.p50Ms} ms p50 wall time).`,
  );
  console.log(
    `\nRows written per inquiry: ${rowsPerInquiry} (${WRITTEN_TABLES.join(', ')}). Inquiries issued in total: ${issued.rows[0].n}; requests not answered 201: ${failures}.`,
  );
} finally {
  await stopProcess(app);
  await prepared.db.destroy();
  await scratch.drop();
}
