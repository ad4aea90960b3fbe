import autocannon from 'autocannon';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migrate } from '../../src/server/db/migrate.js';
import type { Database } from '../../src/server/db/schema.js';
import { systemActor } from '../../src/server/modules/audit/actor.js';
import { issueCertificate } from '../../src/server/modules/certificates/issue-certificate.js';
import { CertificateKeyring } from '../../src/server/modules/certificates/keyring.js';
import { CLEAN_FINDINGS } from '../../src/server/modules/certificates/test-support.js';
import { buildCitizenOwner, buildCity } from '../../test/factories.js';
import { freePort, startProcess, stopProcess, waitFor200 } from '../lib/processes.js';
import { printRates, type Rate, timeConcurrent } from './timing.js';

const DAY = 86_400_000;

export interface Prepared {
  db: Kysely<Database>;
  pool: pg.Pool;
  municipalityId: string;
  parcelIds: string[];
  keyring: CertificateKeyring;
}

export async function prepare(url: string, workers: number): Promise<Prepared> {
  const pool = new pg.Pool({ connectionString: url, max: workers + 2 });
  await migrate(pool);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const city = await buildCity(db);
  const owner = await buildCitizenOwner(db, {
    municipalityId: city.municipality.id,
    districtId: city.district1.id,
    parcels: 50,
  });
  await sql`CREATE TABLE bench_rows (id bigserial PRIMARY KEY, municipality_id uuid, payload jsonb, at timestamptz)`.execute(
    db,
  );
  return {
    db,
    pool,
    municipalityId: city.municipality.id,
    parcelIds: owner.parcels.map((p) => p.id),
    keyring: new CertificateKeyring('bench-secret-of-at-least-thirty-two-chars'),
  };
}

function issueOne(p: Prepared, i: number) {
  const now = new Date();
  return p.db.transaction().execute((trx) =>
    issueCertificate(trx, p.keyring, {
      kind: 'inquiry_response',
      municipalityId: p.municipalityId,
      parcelId: p.parcelIds[i % p.parcelIds.length],
      findings: CLEAN_FINDINGS,
      outcome: 'no_objection',
      purpose: 'mortgage',
      issuedAt: now,
      validUntil: new Date(now.getTime() + 60 * DAY),
      actor: systemActor(p.municipalityId),
    }),
  );
}

/**
 * issueCertificate in its own transaction (snapshot reads, serial, signature, certificate row, audit link), beside
 * a transaction of four plain inserts (as many writes as an issuance: counter, certificate, audit row, audit head).
 */
export async function benchIssuance(p: Prepared, seconds: number, workers: number) {
  let n = 0;
  const content = JSON.stringify({ findings: CLEAN_FINDINGS, filler: 'x'.repeat(1500) });
  const baseline = await timeConcurrent(
    `baseline: transaction of 4 plain INSERTs, ${workers} at once`,
    seconds,
    workers,
    () =>
      p.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 4; i++)
          await trx
            .insertInto('bench_rows' as never)
            .values({ municipality_id: p.municipalityId, payload: content, at: new Date() } as never)
            .execute();
      }),
  );
  const rows: Rate[] = [
    await timeConcurrent('issueCertificate, one at a time', seconds, 1, () => issueOne(p, n++)),
    await timeConcurrent(`issueCertificate, ${workers} at once (one municipality)`, seconds, workers, () =>
      issueOne(p, n++),
    ),
    baseline,
  ];
  printRates('Issuance on PostgreSQL', rows, baseline);
  console.log(
    '\nConcurrent issuers of one municipality queue on its audit-chain head and its yearly serial counter (both row locks), by design: numbers and the chain have no gaps.',
  );
}

async function load(label: string, options: autocannon.Options) {
  const result = await autocannon({ connections: 50, ...options });
  return {
    label,
    count: result.requests.total,
    perSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
  };
}

/** The public verification endpoints through the whole server, beside a bare Fastify route, 50 connections. */
export async function benchApi(p: Prepared, url: string, seconds: number) {
  const cert = await issueOne(p, 0);
  const barePort = await freePort();
  const appPort = await freePort();
  const bare = startProcess('npx', ['tsx', 'bench/bare-server.ts'], { PORT: String(barePort) });
  const app = startProcess('npx', ['tsx', 'src/server/main.ts'], {
    PORT: String(appPort),
    HOST: '127.0.0.1',
    DATABASE_URL: url,
    SEED_DEMO_CITY: 'false',
    LOG_LEVEL: 'warn',
    CERTIFICATE_KEY_SECRET: 'bench-secret-of-at-least-thirty-two-chars',
  });
  try {
    await waitFor200(`http://127.0.0.1:${barePort}/bare`);
    await waitFor200(`http://127.0.0.1:${appPort}/healthz`);
    const base = `http://127.0.0.1:${appPort}`;
    const baseline = await load('baseline: bare Fastify route', {
      url: `http://127.0.0.1:${barePort}/bare`,
      duration: seconds,
    });
    const rows = [
      await load('GET /api/v1/certificates/{number}/verify', {
        url: `${base}/api/v1/certificates/${cert.number}/verify`,
        duration: seconds,
      }),
      await load('POST /api/v1/certificates/verify-payload', {
        url: `${base}/api/v1/certificates/verify-payload`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ payload: cert.token }),
        duration: seconds,
      }),
      await load('GET /.well-known/jwks.json', { url: `${base}/.well-known/jwks.json`, duration: seconds }),
      baseline,
    ];
    console.log('\n### Verification API, 50 connections (load generator on the same 2 cores)\n');
    console.log('| route | requests | req/s | p50 ms | p99 ms | non-2xx | ratio to bare Fastify |');
    console.log('|---|---|---|---|---|---|---|');
    for (const r of rows)
      console.log(
        `| ${r.label} | ${r.count} | ${r.perSecond} | ${r.p50Ms} | ${r.p99Ms} | ${r.non2xx} | ${(r.perSecond / baseline.perSecond).toFixed(2)} |`,
      );
  } finally {
    await stopProcess(app);
    await stopProcess(bare);
  }
}
