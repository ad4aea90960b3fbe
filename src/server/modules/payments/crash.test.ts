import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildCitizenOwner, buildCity, buildStaff, TEST_PASSWORD } from '../../../../test/factories.js';
import { type DatabaseHandle, openDatabase } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { systemActor } from '../audit/actor.js';
import { startAssessment } from '../dues/assess-dues.js';
import { assessNextChunk } from '../dues/assess-next-chunk.js';
import { setTestTariff, TEST_MERCHANT_ID } from '../dues/test-support.js';
import { startZarinpalSandbox, type ZarinpalSandbox } from './sandbox/zarinpal-sandbox.js';

// A real server process, killed with SIGKILL between the gateway's "verified" and our commit, then restarted: the
// payment must end up recorded exactly once, by reconciliation, with the bill and the ledger agreeing.

const testPostgresUrl = inject('postgresUrl');
// A database of its own on PostgreSQL: the child server's job runner must not touch other test files' jobs.
let postgresUrl: string | undefined;
const scratchName = `shahrvand_crash_${process.pid}_${Date.now()}`;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahrvand-crash-'));
let sandbox: ZarinpalSandbox;
let server: ChildProcess | null = null;
let port = 0;
const city = { code: '', nationalId: '', mobile: '', finance: '', billId: '' };

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(free));
    });
  });
}

async function openSharedDatabase(): Promise<DatabaseHandle> {
  const handle = postgresUrl
    ? await openDatabase({ databaseUrl: postgresUrl, poolSize: 2 })
    : await openDatabase({ dataDir: path.join(workDir, 'pgdata') });
  await migrate(handle.pool);
  return handle;
}

function startServer(): ChildProcess {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(port),
    SEED_DEMO_CITY: 'false',
    SMS_SIMULATOR: 'true',
    PAYMENT_SANDBOX: 'false',
    PAYMENT_GATEWAY_URL: sandbox.url,
    PAYMENT_MERCHANT_ID: TEST_MERCHANT_ID,
    PAYMENT_RECONCILE_GRACE_SECONDS: '0',
    DEFAULT_MUNICIPALITY: city.code,
    ...(postgresUrl ? { DATABASE_URL: postgresUrl } : { DATA_DIR: workDir }),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  server = child;
  return child;
}

async function waitReady(): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server did not become ready');
}

/** A browser-like session against the child server: cookie and CSRF token. */
class Session {
  cookie = '';
  csrf = '';
  async call(method: string, url: string, body?: unknown) {
    const response = await fetch(`http://127.0.0.1:${port}${url}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const json = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
    return { status: response.status, body: json };
  }
  async finish() {
    const me = await this.call('GET', '/api/v1/me');
    this.csrf = me.body.csrfToken;
  }
}

async function citizenSession(): Promise<Session> {
  const session = new Session();
  const requested = await session.call('POST', '/api/v1/auth/citizen/otp', {
    nationalId: city.nationalId,
    mobile: city.mobile,
  });
  const inbox = await session.call('GET', `/dev/sms/messages?to=${city.mobile}`);
  const code = inbox.body.messages[0].message.match(/\d{6}/)[0];
  await session.call('POST', '/api/v1/auth/citizen/verify', {
    challengeId: requested.body.challengeId,
    code,
  });
  await session.finish();
  return session;
}

async function financeSession(): Promise<Session> {
  const session = new Session();
  const login = await session.call('POST', '/api/v1/auth/staff/login', {
    username: city.finance,
    password: TEST_PASSWORD,
  });
  expect(login.status).toBe(200);
  await session.finish();
  return session;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  if (testPostgresUrl) {
    await adminQuery(`CREATE DATABASE ${scratchName}`);
    const url = new URL(testPostgresUrl);
    url.pathname = `/${scratchName}`;
    postgresUrl = url.toString();
  }
  sandbox = await startZarinpalSandbox({ merchantIds: [TEST_MERCHANT_ID] });
  port = await freePort();
  const handle = await openSharedDatabase();
  try {
    const db = handle.db;
    const { municipality, district1 } = await buildCity(db);
    const owner = await buildCitizenOwner(db, {
      municipalityId: municipality.id,
      districtId: district1.id,
      parcels: 1,
    });
    const finance = await buildStaff(db, { municipalityId: municipality.id, roles: ['finance'] });
    await setTestTariff(db, municipality.id, 1403);
    const clock = { now: () => new Date() };
    const { run } = await startAssessment(db, clock, {
      municipalityId: municipality.id,
      duesYear: 1405,
      actor: systemActor(municipality.id),
      enqueue: false,
    });
    await assessNextChunk(db, clock, {
      municipalityId: municipality.id,
      runId: run.id,
      timeZone: 'Asia/Tehran',
    });
    const bill = await db
      .selectFrom('bills')
      .select('id')
      .where('parcel_id', '=', owner.parcels[0].id)
      .executeTakeFirstOrThrow();
    Object.assign(city, {
      code: municipality.code,
      nationalId: owner.nationalId,
      mobile: owner.mobile,
      finance: finance.username,
      billId: bill.id,
    });
  } finally {
    await handle.close();
  }
}, 120_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  await sandbox?.close();
  if (postgresUrl) await adminQuery(`DROP DATABASE IF EXISTS ${scratchName} WITH (FORCE)`);
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe(`kill -9 between the gateway's success and our commit (${testPostgresUrl ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('after a restart, reconciliation records the payment exactly once and the bill matches the ledger', async () => {
    startServer();
    await waitReady();
    const citizen = await citizenSession();
    const started = await citizen.call('POST', '/api/v1/payments', { billIds: [city.billId] });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const paymentId: string = started.body.payment.id;
    const authority = new URL(started.body.redirectUrl).pathname.split('/').at(-1) as string;

    // The gateway records the payment as verified, then holds its answer while we kill the server.
    const hold = sandbox.holdVerify(authority);
    const callbackUrl = sandbox.pay(authority, 'pay') as string;
    const arrival = fetch(callbackUrl, { redirect: 'manual' }).catch(() => null);
    await hold.verified;
    const killed = server as ChildProcess;
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      killed.once('exit', (_code, signal) => resolve(signal)),
    );
    killed.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    hold.release();
    expect(await arrival).toBeNull();
    expect(sandbox.state.get(authority)?.status).toBe('VERIFIED');

    startServer();
    await waitReady();
    const finance = await financeSession();
    // The restarted server reconciles on its own (a job brought forward at start); wait for it.
    let payment: { state: string; callbacks: number } = { state: '', callbacks: 0 };
    const until = Date.now() + 30_000;
    while (Date.now() < until) {
      payment = (await finance.call('GET', `/api/v1/payments/${paymentId}`)).body;
      if (payment.state === 'paid') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(payment).toMatchObject({ state: 'paid', callbacks: 1 });
    // Once more by hand: nothing left to do, nothing booked twice.
    const again = await finance.call('POST', '/api/v1/payments/reconcile');
    expect(again.body).toMatchObject({ paid: 0 });
    const bill = await citizen.call('GET', `/api/v1/bills/${city.billId}`);
    expect(bill.body).toMatchObject({ state: 'paid', paidByPaymentId: paymentId, quote: null });
    const check = await finance.call('GET', '/api/v1/dues/ledger/check');
    expect(check.body).toMatchObject({ ok: true, problems: [] });
    const clearing = check.body.accounts.find((a: { account: string }) => a.account === 'gateway_clearing');
    expect(clearing.balanceRials).toBe(started.body.payment.amountRials);
  }, 120_000);
});
