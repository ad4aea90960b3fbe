import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { inquiryCity } from './test-support.js';

let t: TestApp;
let city: Awaited<ReturnType<typeof inquiryCity>>;
beforeAll(async () => {
  t = await startTestApp();
  city = await inquiryCity(t);
});
afterAll(() => t.close());

describe('the inquiry a case belongs to (GET /api/v1/inquiries?caseId=)', () => {
  it("answers district staff with that case's inquiry only, and nobody outside the scope", async () => {
    const notary = await city.notaryClient();
    const ask = (renewalCode: string) =>
      notary.post('/api/v1/inquiries', { parcel: { renewalCode }, purpose: 'transfer' });
    const routed = await ask(city.debtor.parcels[0].renewal_code);
    expect(routed.status, JSON.stringify(routed.body)).toBe(202);
    const other = await ask(city.clean.parcels[0].renewal_code);
    expect(other.status, JSON.stringify(other.body)).toBe(201);

    const expert = await city.staff(['expert'], city.district1.id);
    const found = await expert.get(`/api/v1/inquiries?caseId=${routed.body.case.id}`, {
      'accept-language': 'fa',
    });
    expect(found.status).toBe(200);
    expect(found.body.inquiries.map((i: { id: string }) => i.id)).toEqual([routed.body.id]);
    const owed = found.body.inquiries[0].decision.conditions.find(
      (c: { code: string }) => c.code === 'nothing_owed',
    );
    expect(owed).toMatchObject({ met: false });
    expect(owed.text).toMatch(/[\u0600-\u06FF]/);

    const otherDistrict = await city.staff(['expert'], city.district2.id);
    const hidden = await otherDistrict.get(`/api/v1/inquiries?caseId=${routed.body.case.id}`);
    expect(hidden.status).toBe(200);
    expect(hidden.body.inquiries).toEqual([]);
    const otherNotary = await city.otherNotaryClient();
    expect((await otherNotary.get(`/api/v1/inquiries?caseId=${routed.body.case.id}`)).body.inquiries).toEqual(
      [],
    );

    const bad = await expert.get('/api/v1/inquiries?caseId=not-a-case');
    expect(bad.status).toBe(400);
  });
});
