import { expect } from 'vitest';
import type { TestClient } from '../../../../test/client.js';
import {
  buildCitizenOwner,
  buildCity,
  buildOffice,
  buildParcel,
  buildStaff,
} from '../../../../test/factories.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { signInCitizen, signInStaff } from '../../../../test/sign-in.js';
import type { Db } from '../../db/schema.js';
import { systemActor } from '../audit/actor.js';
import { zonedInstant } from '../cases/calendar/zoned-time.js';
import { startZarinpalSandbox, type ZarinpalSandbox } from '../payments/sandbox/zarinpal-sandbox.js';
import { startAssessment } from './assess-dues.js';
import { assessNextChunk } from './assess-next-chunk.js';
import { checkLedger } from './ledger/check-ledger.js';
import type { DuesTariff } from './rules/tariff.js';
import { setDuesTariff } from './tariffs.js';

export const TEST_MERCHANT_ID = '11111111-2222-4333-8444-555555555555';

/** 1.5 % of 10,000,000/m² of land and 5,000,000/m² of building: the test parcel (250.5 m², 400 m² built) owes 67,575,000. */
export const TEST_TARIFF: DuesTariff = {
  resolutionNo: 'test tariff',
  rateBasisPoints: 150,
  landValueRialsPerM2: { byZone: {}, default: 10_000_000 },
  buildingValueRialsPerM2: { byType: { residential: 5_000_000 }, default: 5_000_000 },
  adjustments: [],
  exemptions: [{ code: 'religious', title: 'religious', when: { landUses: ['religious'] } }],
  prizePct: 10,
  latePenalty: { pctPerMonth: 2, capPct: 24 },
};
export const TEST_PARCEL_DUES = 67_575_000;

/** Moves the test clock so that "now" is noon (Tehran) of an ISO date. */
export function setToday(t: TestApp, isoDate: string): void {
  const target = zonedInstant(isoDate, 12 * 60, 'Asia/Tehran');
  t.clock.advance(target - t.clock.now().getTime());
}

/** Runs an assessment to its end in this process, `chunk` parcels at a time. */
export async function assessYear(t: TestApp, municipalityId: string, year: number, chunk = 500) {
  const { run } = await startAssessment(t.database.db, t.clock, {
    municipalityId,
    duesYear: year,
    actor: systemActor(municipalityId),
    enqueue: false,
  });
  for (;;) {
    const { done } = await assessNextChunk(t.database.db, t.clock, {
      municipalityId,
      runId: run.id,
      chunkSize: chunk,
      timeZone: 'Asia/Tehran',
    });
    if (done) return run.id;
  }
}

export async function setTestTariff(db: Db, municipalityId: string, year: number, tariff = TEST_TARIFF) {
  await setDuesTariff(db, {
    municipalityId,
    duesYear: year,
    tariff,
    actor: systemActor(municipalityId),
    at: new Date(),
  });
}

/**
 * A city with two citizens (alice: 2 parcels in district 1, bob: 1 in district 2), finance staff, a clerk of
 * district 1, an office, and the test tariff from 1403 on. Nothing is assessed yet.
 */
export async function duesCity(t: TestApp) {
  const db = t.database.db;
  const city = await buildCity(db);
  const m = city.municipality;
  const alice = await buildCitizenOwner(db, {
    municipalityId: m.id,
    districtId: city.district1.id,
    parcels: 2,
  });
  const bob = await buildCitizenOwner(db, {
    municipalityId: m.id,
    districtId: city.district2.id,
    parcels: 1,
  });
  await setTestTariff(db, m.id, 1403);
  const staff = async (
    roles: Parameters<typeof buildStaff>[1]['roles'],
    districtId: string | null = null,
  ) => {
    const s = await buildStaff(db, { municipalityId: m.id, roles, districtId });
    return signInStaff(t, { municipality: m.code, username: s.username, password: s.password });
  };
  const office = await buildOffice(db, { municipalityId: m.id, kind: 'counter' });
  return {
    ...city,
    alice,
    bob,
    staff,
    office,
    signIn: (who: { nationalId: string; mobile: string }): Promise<TestClient> =>
      signInCitizen(t, { municipality: m.code, nationalId: who.nationalId, mobile: who.mobile }),
    signInOffice: () =>
      signInStaff(t, { municipality: m.code, username: office.username, password: office.password }),
  };
}

/** The whole app wired to a sandbox gateway on its own port, as in development. */
export async function startPaymentTestApp(
  env: Record<string, string> = {},
): Promise<TestApp & { sandbox: ZarinpalSandbox }> {
  const sandbox = await startZarinpalSandbox({ merchantIds: [TEST_MERCHANT_ID] });
  const t = await startTestApp({
    PAYMENT_GATEWAY_URL: sandbox.url,
    PAYMENT_MERCHANT_ID: TEST_MERCHANT_ID,
    ...env,
  });
  return {
    ...t,
    sandbox,
    async close() {
      await t.close();
      await sandbox.close();
    },
  };
}

/** The path and query of a callback URL the sandbox sends a payer to, for `app.inject`. */
export function pathOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

/** The serial in a bill ID: what precedes the company code (3 digits), the service type and the check digit. */
export function serialOf(billId: string): number {
  return Number(billId.slice(0, -5));
}

/**
 * Checks a finished run of a new municipality: one bill per parcel, bill serials 1…N without a gap, the ledger
 * balanced and every bill charged once, the run's totals equal to its bills. Returns the bills.
 */
export async function expectBilledOnce(
  db: Db,
  input: { municipalityId: string; runId: string; year: number; parcels: number },
) {
  const bills = await db
    .selectFrom('bills')
    .select(['parcel_id', 'bill_id', 'principal_rials', 'state'])
    .where('municipality_id', '=', input.municipalityId)
    .where('dues_year', '=', input.year)
    .execute();
  expect(bills).toHaveLength(input.parcels);
  expect(new Set(bills.map((b) => b.parcel_id)).size).toBe(input.parcels);
  const serials = bills.map((b) => serialOf(b.bill_id)).sort((a, b) => a - b);
  expect(serials).toEqual(Array.from({ length: input.parcels }, (_, i) => i + 1));
  expect(await checkLedger(db, input.municipalityId)).toMatchObject({ ok: true, problems: [] });
  const run = await db
    .selectFrom('dues_assessment_runs')
    .selectAll()
    .where('id', '=', input.runId)
    .executeTakeFirstOrThrow();
  expect(run).toMatchObject({
    state: 'done',
    parcels_done: input.parcels,
    bills_created: input.parcels,
    exempt_count: bills.filter((b) => b.state === 'exempt').length,
    total_rials: String(bills.reduce((sum, b) => sum + BigInt(b.principal_rials), 0n)),
  });
  return bills;
}

/** A dues city with `extra` more parcels and a 1405 assessment run started for it (not enqueued: the test steps it). */
export async function cityWithAssessmentRun(t: TestApp, extra: number) {
  const s = await duesCity(t);
  for (let i = 0; i < extra; i++)
    await buildParcel(t.database.db, { municipalityId: s.municipality.id, districtId: s.district1.id });
  const { run } = await startAssessment(t.database.db, t.clock, {
    municipalityId: s.municipality.id,
    duesYear: 1405,
    actor: systemActor(s.municipality.id),
    enqueue: false,
  });
  return { s, run, municipalityId: s.municipality.id };
}

/** The chunks of a run still claimed and not billed. */
export function claimedChunks(db: Db, runId: string) {
  return db
    .selectFrom('dues_assessment_chunks')
    .select('id')
    .where('run_id', '=', runId)
    .where('state', '=', 'claimed')
    .execute();
}
