import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../../../test/client.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { verifyAuditChain } from '../audit/verify-audit.js';
import { seedDemoCity } from '../demo-city/seed-demo-city.js';
import { makeTrackingCode, parseTrackingCode } from './calendar/tracking-code.js';
import { submittedInquiry } from './case-test-support.js';

let t: TestApp;
let code: string;
let municipalityId: string;
// A number a 2-digit segment could not carry; random so parallel files on one PostgreSQL do not collide.
const municipalityNumber = 9_000 + Math.floor(Math.random() * 999);
beforeAll(async () => {
  t = await startTestApp();
  code = `track-${randomUUID().slice(0, 8)}`;
  ({ municipalityId } = await seedDemoCity(t.database.db, { parcels: 120, municipalityCode: code }));
  await t.database.db
    .updateTable('municipalities')
    .set({ number: municipalityNumber })
    .where('id', '=', municipalityId)
    .execute();
});
afterAll(() => t.close());

const status = (trackingCode: string, nationalId: string) =>
  new TestClient(t.app).get(`/api/v1/cases/status?trackingCode=${trackingCode}&nationalId=${nationalId}`);

describe('tracking codes of a national deployment', () => {
  it('carries a municipality number above 99 in a 16-digit code; distinct codes; the audit log verifies', async () => {
    const city = { code, municipalityId };
    const first = await submittedInquiry(t, city, 0);
    const second = await submittedInquiry(t, city, 1);
    for (const { caseBody } of [first, second]) {
      expect(caseBody.trackingCode).toMatch(/^\d{16}$/);
      expect(parseTrackingCode(caseBody.trackingCode)).toMatchObject({
        municipalityNumber,
        layout: 'current',
      });
    }
    expect(first.caseBody.trackingCode).not.toBe(second.caseBody.trackingCode);
    const found = await status(first.caseBody.trackingCode, first.citizen.nationalId);
    expect(found.status).toBe(200);
    expect(found.body.trackingCode).toBe(first.caseBody.trackingCode);
    expect((await verifyAuditChain(t.database.db, municipalityId)).ok).toBe(true);
  });

  it('answers a mistyped code with a 400 naming the tracking code, and a wrong national ID with a 404', async () => {
    const { caseBody, citizen } = await submittedInquiry(t, { code, municipalityId }, 2);
    const digits = caseBody.trackingCode as string;
    const swapped = digits.slice(0, 10) + digits[11] + digits[10] + digits.slice(12);
    const typo = digits.slice(0, 5) + String((Number(digits[5]) + 1) % 10) + digits.slice(6);
    for (const wrong of [swapped, typo].filter((w) => w !== digits)) {
      const answer = await status(wrong, citizen.nationalId);
      expect(answer.status).toBe(400);
      expect(answer.body.error.details.fields).toEqual([{ field: 'trackingCode', rule: 'tracking_code' }]);
    }
    expect((await status(digits, '0023456787')).status).toBe(404);
  });

  it('still finds a case by a 14-digit code issued before the wider layout', async () => {
    const { caseBody, citizen } = await submittedInquiry(t, { code, municipalityId }, 3);
    // The old layout is the new one without the two leading zeros of a municipality below 100.
    let serial = 1 + Math.floor(Math.random() * 90_000);
    while (!makeTrackingCode({ municipalityNumber: 12, date: new Date(caseBody.submittedAt), serial }))
      serial++;
    const legacy = makeTrackingCode({
      municipalityNumber: 12,
      date: new Date(caseBody.submittedAt),
      serial,
    })!.slice(2);
    await t.database.db
      .updateTable('cases')
      .set({ tracking_code: legacy })
      .where('id', '=', caseBody.id)
      .execute();
    const found = await status(legacy, citizen.nationalId);
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    expect(found.body.trackingCode).toBe(legacy);
    expect(parseTrackingCode(legacy)?.layout).toBe('old');
  });
});
