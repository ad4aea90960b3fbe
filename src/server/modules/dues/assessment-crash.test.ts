import { spawn } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildParcel } from '../../../../test/factories.js';
import type { TestApp } from '../../../../test/harness.js';
import { startTestApp } from '../../../../test/harness.js';
import { systemActor } from '../audit/actor.js';
import { startAssessment } from './assess-dues.js';
import { assessNextChunk } from './assess-next-chunk.js';
import { claimedChunks, duesCity, expectBilledOnce } from './test-support.js';

// The `dues assess` command killed with SIGKILL while both its workers are in the middle of a chunk, then run again:
// nobody is billed twice, the chunks it had claimed are billed with the serials reserved for them. PostgreSQL only:
// the test holds the guard the bill writers take (ADR 0014) from a second session to stop the workers mid-chunk.

const postgresUrl = inject('postgresUrl');

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

function assessCommand(code: string) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'dues',
      'assess',
      '--year',
      '1405',
      '--municipality',
      code,
      '--chunk',
      '5',
      '--workers',
      '2',
    ],
    {
      env: { ...process.env, DATABASE_URL: postgresUrl, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let stdout = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>(
    (resolve) => child.once('exit', (code, signal) => resolve({ code, signal, stdout })),
  );
  return { child, exited };
}

describe.skipIf(!postgresUrl)('kill -9 in the middle of an assessment (PostgreSQL, two workers)', () => {
  it('the same command resumes it and bills every parcel exactly once', async () => {
    const db = t.database.db;
    const s = await duesCity(t);
    for (let i = 0; i < 100; i++)
      await buildParcel(db, { municipalityId: s.municipality.id, districtId: s.district2.id });
    const { run } = await startAssessment(db, t.clock, {
      municipalityId: s.municipality.id,
      duesYear: 1405,
      actor: systemActor(s.municipality.id),
      enqueue: false,
    });
    // Some chunks are billed before the crash.
    const step = { municipalityId: s.municipality.id, runId: run.id, timeZone: 'Asia/Tehran', chunkSize: 5 };
    let billedBefore = 0;
    while (billedBefore === 0) billedBefore += (await assessNextChunk(db, t.clock, step)).scanned;

    const guard = new pg.Client({ connectionString: postgresUrl });
    await guard.connect();
    await guard.query('BEGIN');
    await guard.query('SELECT pg_advisory_xact_lock(5026, hashtext($1))', [s.municipality.id]);
    const first = assessCommand(s.municipality.code);
    try {
      // Both workers have written a chunk's bills and wait on the guard in the statement's reference check.
      const waiting = async () =>
        Number(
          (
            await guard.query(
              `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = 5026
                AND objid = (hashtext($1)::bigint & 4294967295)::text::oid`,
              [s.municipality.id],
            )
          ).rows[0].n,
        );
      const until = Date.now() + 60_000;
      while ((await waiting()) < 2) {
        if (Date.now() > until) throw new Error('the workers never reached the middle of a chunk');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      first.child.kill('SIGKILL');
      expect(await first.exited).toMatchObject({ signal: 'SIGKILL' });
    } finally {
      await guard.end();
    }
    const claimed = await claimedChunks(db, run.id);
    expect(claimed.length).toBeGreaterThanOrEqual(2);

    const second = await assessCommand(s.municipality.code).exited;
    expect(second.code, second.stdout).toBe(0);
    expect(second.stdout).toMatch(/Resumed and finished the 1405 assessment/);
    await expectBilledOnce(db, {
      municipalityId: s.municipality.id,
      runId: run.id,
      year: 1405,
      parcels: 103,
    });
  }, 120_000);
});
