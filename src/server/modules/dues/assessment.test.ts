import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildParcel } from '../../../../test/factories.js';
import type { TestApp } from '../../../../test/harness.js';
import { startTestApp } from '../../../../test/harness.js';
import { billCheckDigit, parseBill } from '../../../shared/identifiers/bill.js';
import { systemActor } from '../audit/actor.js';
import { startAssessment } from './assess-dues.js';
import { assessNextChunk } from './assess-next-chunk.js';
import { assessmentWorkerCount, runAssessmentWorkers } from './assessment-workers.js';
import { checkLedger } from './ledger/check-ledger.js';
import { paymentIdFor } from './quote.js';
import { assessYear, cityWithAssessmentRun, duesCity, TEST_PARCEL_DUES } from './test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function bills(municipalityId: string, year: number) {
  return t.database.db
    .selectFrom('bills')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('dues_year', '=', year)
    .orderBy('bill_id')
    .execute();
}

describe('the annual renewal-dues assessment', () => {
  it('finance staff start it; a background job bills every parcel once, with progress', async () => {
    const s = await duesCity(t);
    const mosque = await buildParcel(t.database.db, {
      municipalityId: s.municipality.id,
      districtId: s.district2.id,
      landUse: 'religious',
    });
    const finance = await s.staff(['finance']);
    const started = await finance.post('/api/v1/dues/assessments', { year: 1404 });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect(started.body).toMatchObject({ year: 1404, state: 'running', parcelsTotal: 4, parcelsDone: 0 });
    // The job runs here (on a shared PostgreSQL test database another file's runner may take it: wait for it).
    let progress = await finance.get(`/api/v1/dues/assessments/${started.body.id}`);
    for (let i = 0; i < 100 && progress.body.state !== 'done'; i++) {
      await t.app.jobs.runDue();
      await new Promise((resolve) => setTimeout(resolve, 50));
      progress = await finance.get(`/api/v1/dues/assessments/${started.body.id}`);
    }
    expect(progress.body).toMatchObject({
      state: 'done',
      parcelsDone: 4,
      billsCreated: 4,
      exemptCount: 1,
      totalRials: 3 * TEST_PARCEL_DUES,
    });
    const rows = await bills(s.municipality.id, 1404);
    expect(rows).toHaveLength(4);
    const exempt = rows.find((row) => row.parcel_id === mosque.id);
    expect(exempt).toMatchObject({ state: 'exempt', principal_rials: '0', exemption_code: 'religious' });
    for (const row of rows.filter((r) => r.state === 'open')) {
      expect(row.principal_rials).toBe(String(TEST_PARCEL_DUES));
      expect(row).toMatchObject({ accrues_on: '2025-03-21', due_on: '2026-03-20' });
    }
    expect((await checkLedger(t.database.db, s.municipality.id)).problems).toEqual([]);
  });

  it('gives every bill a bill ID with service type 6 and a correct check digit, computed in SQL', async () => {
    const s = await duesCity(t);
    await assessYear(t, s.municipality.id, 1404);
    const rows = await bills(s.municipality.id, 1404);
    const company = await t.database.db
      .selectFrom('dues_settings')
      .select('bill_company_code')
      .where('municipality_id', '=', s.municipality.id)
      .executeTakeFirstOrThrow();
    for (const row of rows) {
      expect(row.bill_id.at(-2)).toBe('6');
      expect(row.bill_id.slice(-5, -2)).toBe(company.bill_company_code);
      expect(billCheckDigit(row.bill_id.slice(0, -1))).toBe(Number(row.bill_id.at(-1)));
      const paymentId = paymentIdFor(row.bill_id, BigInt(row.principal_rials), { year: 1404, month: 5 });
      const parsed = parseBill(row.bill_id, paymentId as string);
      expect(parsed).toMatchObject({ valid: true, serviceType: 6, amountRials: TEST_PARCEL_DUES });
      if (parsed.valid) expect(parsed.barcode).toHaveLength(26);
    }
    expect(new Set(rows.map((r) => r.bill_id)).size).toBe(rows.length);
  });

  it('the SQL check digit agrees with the TypeScript one on many bodies', async () => {
    const bodies = Array.from({ length: 300 }, (_, i) => BigInt(1 + i * 3_333_331) * 10_000n + 1016n);
    const { rows } = await sql<{ body: string; check: number }>`
      SELECT b::text AS body, bill_check_digit(b) AS check FROM unnest(${bodies.map(String)}::bigint[]) AS b`.execute(
      t.database.db,
    );
    for (const row of rows) expect(row.check).toBe(billCheckDigit(row.body));
  });

  it('after a crash that lost its progress, resuming bills nobody twice', async () => {
    const { s, run } = await cityWithAssessmentRun(t, 5);
    const chunk = { municipalityId: s.municipality.id, runId: run.id, chunkSize: 3, timeZone: 'Asia/Tehran' };
    await assessNextChunk(t.database.db, t.clock, chunk);
    // The worst case: the run forgot how far it got (as if its progress had never been written).
    await t.database.db
      .updateTable('dues_assessment_runs')
      .set({ cursor_block: null })
      .where('id', '=', run.id)
      .execute();
    // Starting again resumes the same run rather than opening a second one.
    const again = await startAssessment(t.database.db, t.clock, {
      municipalityId: s.municipality.id,
      duesYear: 1405,
      actor: systemActor(s.municipality.id),
      enqueue: false,
    });
    expect(again).toMatchObject({ resumed: true, run: { id: run.id } });
    // Resumed with as many workers as the database allows (two on PostgreSQL, one on PGlite).
    await runAssessmentWorkers(t.database.db, t.clock, {
      ...chunk,
      workers: assessmentWorkerCount(t.database.engine, 2),
    });
    const rows = await bills(s.municipality.id, 1405);
    expect(rows).toHaveLength(8);
    expect(new Set(rows.map((r) => r.parcel_id)).size).toBe(8);
    const charged = await t.database.db
      .selectFrom('ledger_lines')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('municipality_id', '=', s.municipality.id)
      .where('account', '=', 'dues_receivable')
      .executeTakeFirstOrThrow();
    expect(Number(charged.n)).toBe(8);
    expect((await checkLedger(t.database.db, s.municipality.id)).ok).toBe(true);
  });

  it('the final sweep bills a parcel that arrived after the block ranges were read', async () => {
    const s = await duesCity(t);
    const db = t.database.db;
    const { run } = await startAssessment(db, t.clock, {
      municipalityId: s.municipality.id,
      duesYear: 1405,
      actor: systemActor(s.municipality.id),
      enqueue: false,
    });
    const chunk = {
      municipalityId: s.municipality.id,
      runId: run.id,
      chunkSize: 500,
      timeZone: 'Asia/Tehran',
    };
    const cursor = async () =>
      (
        await db
          .selectFrom('dues_assessment_runs')
          .select(['cursor_block', 'blocks_total'])
          .where('id', '=', run.id)
          .executeTakeFirstOrThrow()
      ).cursor_block ?? 0;
    while ((await cursor()) < run.blocks_total)
      expect((await assessNextChunk(db, t.clock, chunk)).done).toBe(false);
    const late = await buildParcel(db, { municipalityId: s.municipality.id, districtId: s.district1.id });
    expect(await assessNextChunk(db, t.clock, chunk)).toMatchObject({ done: true });
    const rows = await bills(s.municipality.id, 1405);
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.parcel_id)).toContain(late.id);
    expect((await checkLedger(db, s.municipality.id)).ok).toBe(true);
  });

  it('a second run for an assessed year finds nothing left to bill', async () => {
    const s = await duesCity(t);
    await assessYear(t, s.municipality.id, 1404);
    const before = await bills(s.municipality.id, 1404);
    await assessYear(t, s.municipality.id, 1404);
    expect(await bills(s.municipality.id, 1404)).toEqual(before);
  });

  it('refuses a year with no tariff in force, and refuses clerks (403)', async () => {
    const s = await duesCity(t);
    const finance = await s.staff(['finance']);
    const early = await finance.post('/api/v1/dues/assessments', { year: 1400 });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('dues_tariff_missing');
    const clerk = await s.staff(['clerk'], s.district1.id);
    expect((await clerk.post('/api/v1/dues/assessments', { year: 1404 })).status).toBe(403);
    expect((await clerk.get('/api/v1/dues/assessments')).status).toBe(403);
    const alice = await s.signIn(s.alice);
    expect((await alice.post('/api/v1/dues/assessments', { year: 1404 })).status).toBe(403);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/dues/assessments', payload: { year: 1404 } }))
        .statusCode,
    ).toBe(401);
  });

  it('freezes a tariff once bills were assessed under it', async () => {
    const s = await duesCity(t);
    const finance = await s.staff(['finance']);
    const tariffs = await finance.get('/api/v1/dues/tariffs');
    const tariff = tariffs.body.tariffs[0].tariff;
    expect(
      (await finance.request('PUT', '/api/v1/dues/tariffs/1403', { ...tariff, rateBasisPoints: 100 })).status,
    ).toBe(200);
    await assessYear(t, s.municipality.id, 1403);
    const frozen = await finance.request('PUT', '/api/v1/dues/tariffs/1403', {
      ...tariff,
      rateBasisPoints: 120,
    });
    expect(frozen.status).toBe(409);
    expect(frozen.body.error.code).toBe('dues_tariff_in_use');
    expect(
      (await finance.request('PUT', '/api/v1/dues/tariffs/1406', { ...tariff, rateBasisPoints: 120 })).status,
    ).toBe(200);
    const bad = await finance.request('PUT', '/api/v1/dues/tariffs/1407', { ...tariff, prizePct: 'ten' });
    expect(bad.status).toBe(400);
  });
});
