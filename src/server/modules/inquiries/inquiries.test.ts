import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../../../test/client.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { act, inquiryCity } from './test-support.js';

let t: TestApp;
let city: Awaited<ReturnType<typeof inquiryCity>>;
/** When set, the last closing hook of an inquiry case fails, as a crash after the certificate was issued would. */
let crashAfterIssuing = false;
beforeAll(async () => {
  t = await startTestApp();
  city = await inquiryCity(t);
  t.app.deps.caseHooks.onClosed('institution_inquiry', async () => {
    if (crashAfterIssuing) throw new Error('simulated crash after issuing');
  });
});
afterAll(() => t.close());

const anonymous = () => new TestClient(t.app);

describe('a bank asks through the API', () => {
  it('gets the certificate in one call for a clean parcel with a recent response, and it verifies', async () => {
    const bank = await city.bankClient();
    const asked = await bank.post(
      '/api/v1/inquiries',
      {
        parcel: { renewalCode: city.clean.parcels[0].renewal_code },
        purpose: 'mortgage',
        letterNumber: 'B-1405/77',
      },
      { 'idempotency-key': 'bank-req-0001' },
    );
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(asked.body).toMatchObject({
      status: 'issued',
      autoIssued: true,
      purpose: 'mortgage',
      case: { state: 'approved' },
      certificate: { outcome: 'no_objection', status: 'valid' },
    });
    const basis = asked.body.decision.conditions.find((c: { code: string }) => c.code === 'recent_basis');
    expect(basis).toMatchObject({ met: true, details: { basis: { number: city.earlier.number } } });
    expect(basis.text).toContain(city.earlier.number);

    const { number, verifyPageUrl, pdfUrl } = asked.body.certificate;
    const byNumber = await anonymous().get(`/api/v1/certificates/${number}/verify`);
    expect(byNumber.body).toMatchObject({
      result: 'valid',
      certificate: { kind: 'inquiry_response', purpose: 'mortgage' },
    });
    const scanned = await anonymous().post('/api/v1/certificates/verify-payload', { payload: verifyPageUrl });
    expect(scanned.body).toMatchObject({ result: 'valid', signature: { valid: true } });
    const token: string = asked.body.certificate.qrToken;
    const forged = `${token.slice(0, -6)}${token.slice(-6) === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'}`;
    const forgedAnswer = await anonymous().post('/api/v1/certificates/verify-payload', { payload: forged });
    expect(forgedAnswer.body).toMatchObject({ result: 'forged', certificate: null });

    const pdf = await bank.get(`${new URL(pdfUrl).pathname}?lang=en`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const full = await bank.get(`/api/v1/certificates/${number}`);
    expect(full.body.findings.map((f: { code: string }) => f.code)).toEqual([
      'dues',
      'building_violation',
      'article_100',
      'building_permit',
      'completion',
      'land_use',
      'street_widening',
    ]);
  });

  it('answers a repeated request with the same inquiry, and refuses the key with another body', async () => {
    const bank = await city.bankClient();
    const body = { parcel: { renewalCode: city.clean.parcels[0].renewal_code }, purpose: 'transfer' };
    const first = await bank.post('/api/v1/inquiries', body, { 'idempotency-key': 'bank-req-0002' });
    expect(first.status).toBe(201);
    const again = await bank.post('/api/v1/inquiries', body, { 'idempotency-key': 'bank-req-0002' });
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.certificate.number).toBe(first.body.certificate.number);

    const conflicting = await bank.post(
      '/api/v1/inquiries',
      { ...body, purpose: 'mortgage' },
      { 'idempotency-key': 'bank-req-0002' },
    );
    expect(conflicting.status).toBe(422);
    expect(conflicting.body.error.code).toBe('idempotency_key_reused');

    // Keys are per requester: another bank's same key is its own request.
    const other = await city.otherBankClient();
    const theirs = await other.post('/api/v1/inquiries', body, { 'idempotency-key': 'bank-req-0002' });
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(first.body.id);

    const mine = await bank.get('/api/v1/inquiries');
    expect(mine.body.inquiries.map((i: { id: string }) => i.id)).toContain(first.body.id);
    expect(mine.body.inquiries.map((i: { id: string }) => i.id)).not.toContain(theirs.body.id);
    expect((await other.get(`/api/v1/inquiries/${first.body.id}`)).status).toBe(404);
    expect((await other.get(`/api/v1/certificates/${first.body.certificate.number}.pdf`)).status).toBe(404);
  });

  it('answers two simultaneous requests with one key with one inquiry', async () => {
    const bank = await city.bankClient();
    const body = { parcel: { renewalCode: city.clean.parcels[0].renewal_code }, purpose: 'mortgage' };
    const [a, b] = await Promise.all([
      bank.post('/api/v1/inquiries', body, { 'idempotency-key': 'bank-race-0001' }),
      bank.post('/api/v1/inquiries', body, { 'idempotency-key': 'bank-race-0001' }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    const rows = await t.database.db
      .selectFrom('inquiries')
      .select('id')
      .where('idempotency_key', '=', 'bank-race-0001')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('leaves no case, inquiry, certificate or audit row when the request fails after issuing', async () => {
    const db = t.database.db;
    const count = async () => ({
      cases: (
        await db.selectFrom('cases').select('id').where('parcel_id', '=', city.clean.parcels[0].id).execute()
      ).length,
      certificates: (
        await db
          .selectFrom('certificates')
          .select('id')
          .where('parcel_id', '=', city.clean.parcels[0].id)
          .execute()
      ).length,
      inquiries: (
        await db
          .selectFrom('inquiries')
          .select('id')
          .where('parcel_id', '=', city.clean.parcels[0].id)
          .execute()
      ).length,
      audit: (
        await db
          .selectFrom('audit_log')
          .select('id')
          .where('municipality_id', '=', city.municipality.id)
          .execute()
      ).length,
    });
    const bank = await city.bankClient();
    const before = await count();
    crashAfterIssuing = true;
    try {
      const failed = await bank.post('/api/v1/inquiries', {
        parcel: { renewalCode: city.clean.parcels[0].renewal_code },
        purpose: 'transfer',
      });
      expect(failed.status).toBe(500);
    } finally {
      crashAfterIssuing = false;
    }
    expect(await count()).toEqual(before);
  });

  it('finds the parcel by its registration plate; an unknown parcel is 404', async () => {
    const bank = await city.bankClient();
    const parcel = city.clean.parcels[0];
    const byPlate = await bank.post('/api/v1/inquiries', {
      parcel: {
        plate: { section: parcel.registration_section, main: parcel.main_plate, sub: parcel.sub_plates },
      },
      purpose: 'utility_connection',
    });
    expect(byPlate.status, JSON.stringify(byPlate.body)).toBe(201);
    expect(byPlate.body.parcel.id).toBe(parcel.id);
    const unknown = await bank.post('/api/v1/inquiries', {
      parcel: { renewalCode: '99-999999-999' },
      purpose: 'transfer',
    });
    expect(unknown.status).toBe(404);
    const bad = await bank.post('/api/v1/inquiries', { parcel: {}, purpose: 'gift' });
    expect(bad.status).toBe(400);
  });
});

describe('a notary office asks about a parcel with debts', () => {
  it('is routed to a site visit with the reasons, staff finish it, and the office sees the certificate', async () => {
    const notary = await city.notaryClient();
    const asked = await notary.post('/api/v1/inquiries', {
      parcel: { renewalCode: city.debtor.parcels[0].renewal_code },
      purpose: 'transfer',
      letterNumber: '۱۲۳۴/ص',
      letterDate: '2026-12-01',
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(202);
    expect(asked.body).toMatchObject({
      status: 'in_review',
      autoIssued: false,
      certificate: null,
      decision: { decision: 'route', siteVisit: true },
      case: { state: 'site_visit' },
    });
    const byCode = Object.fromEntries(
      asked.body.decision.conditions.map((c: { code: string; met: boolean }) => [c.code, c]),
    );
    expect(byCode.recent_basis.met).toBe(false);
    expect(byCode.nothing_owed).toMatchObject({ met: false, details: { items: [{ year: 1404 }] } });
    expect(BigInt(byCode.nothing_owed.details.totalRials)).toBeGreaterThan(0n);
    const caseId = asked.body.case.id;

    // Another district's staff and another office cannot see it.
    const otherExpert = await city.staff(['expert'], city.district2.id);
    expect((await otherExpert.get(`/api/v1/cases/${caseId}`)).status).toBe(404);
    expect((await otherExpert.get(`/api/v1/inquiries/${asked.body.id}`)).status).toBe(404);
    const otherNotary = await city.otherNotaryClient();
    expect((await otherNotary.get(`/api/v1/inquiries/${asked.body.id}`)).status).toBe(404);
    expect((await otherNotary.get('/api/v1/inquiries')).body.inquiries).toEqual([]);

    const inspector = await city.staff(['inspector'], city.district1.id);
    const visited = await act(inspector, caseId, 'record_visit_findings', {
      visitFindings: { built: 'as permitted', notes: 'بدون تخلف' },
    });
    expect(visited.status, JSON.stringify(visited.body)).toBe(200);
    const manager = await city.staff(['district_manager'], city.district1.id);
    const approved = await act(manager, caseId, 'approve');
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);

    const polled = await notary.get(`/api/v1/inquiries/${asked.body.id}`);
    expect(polled.body).toMatchObject({
      status: 'issued',
      case: { state: 'approved' },
      certificate: { outcome: 'conditional', status: 'valid' },
    });
    const pdf = await notary.get(`/api/v1/certificates/${polled.body.certificate.number}.pdf`);
    expect(pdf.status).toBe(200);
    const full = await notary.get(`/api/v1/certificates/${polled.body.certificate.number}`);
    expect(full.body.findings.find((f: { code: string }) => f.code === 'dues').status).toBe('attention');
    expect(full.body.reasons[0].en).toMatch(/rials owed/);
    expect(full.body.requester).toMatchObject({ kind: 'office' });
  });

  it('a refusal gives a signed response with outcome refused and the reason', async () => {
    const notary = await city.notaryClient();
    const admin = await city.staff(['admin'], null);
    const today = (await admin.get('/api/v1/admin/inquiry-settings')).body.today;
    const published = await admin.post('/api/v1/admin/inquiry-settings', {
      effectiveFrom: today,
      responseValidityMonths: 2,
      completionMonths: 6,
      clearanceValidityMonths: 2,
      requireNothingOwed: true,
      requireNoOpenViolation: true,
      requireNoPendingArticle100: true,
      siteVisitWhenRouted: false,
    });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const asked = await notary.post('/api/v1/inquiries', {
      parcel: { renewalCode: city.debtor.parcels[0].renewal_code },
      purpose: 'transfer',
    });
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ decision: { siteVisit: false }, case: { state: 'submitted' } });
    const clerkOfOtherDistrict = await city.staff(['expert'], city.district2.id);
    expect(
      (
        await clerkOfOtherDistrict.post(`/api/v1/cases/${asked.body.case.id}/actions`, {
          action: 'refuse',
          version: 1,
          reason: 'x',
        })
      ).status,
    ).toBe(404);
    const expert = await city.staff(['expert'], city.district1.id);
    const refused = await act(expert, asked.body.case.id, 'refuse', { reason: 'Unpaid dues since 1404' });
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    const polled = await notary.get(`/api/v1/inquiries/${asked.body.id}`);
    expect(polled.body).toMatchObject({ status: 'refused', certificate: { outcome: 'refused' } });
    const full = await notary.get(`/api/v1/certificates/${polled.body.certificate.number}`);
    expect(full.body.reasons[0].en).toBe('Unpaid dues since 1404');
  });
});

describe('who may ask and who may see', () => {
  it('refuses citizens and kiosks as requesters, and strangers as readers', async () => {
    const owner = await city.citizen(city.clean);
    const body = { parcel: { renewalCode: city.clean.parcels[0].renewal_code }, purpose: 'transfer' };
    expect((await owner.post('/api/v1/inquiries', body)).status).toBe(403);
    // Nor through the case engine: the institutions' service is neither offered to citizens nor filed by them.
    const offered = (await owner.get('/api/v1/services')).body.services.map((s: { code: string }) => s.code);
    expect(offered).toContain('inquiry');
    expect(offered).not.toContain('institution_inquiry');
    const filed = await owner.post('/api/v1/cases', {
      serviceCode: 'institution_inquiry',
      parcelId: city.clean.parcels[0].id,
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(404);
    expect((await (await city.kioskClient()).post('/api/v1/inquiries', body)).status).toBe(403);
    expect((await anonymous().post('/api/v1/inquiries', body)).status).toBe(401);

    const bank = await city.bankClient();
    const asked = await bank.post('/api/v1/inquiries', body);
    expect(asked.status).toBe(201);
    // The owner sees it in their cartable, with the certificate; a citizen who does not own the parcel does not.
    const cartable = await owner.get('/api/v1/inquiries?about=mine');
    const listed = cartable.body.inquiries.find((i: { id: string }) => i.id === asked.body.id);
    expect(listed.certificate.number).toBe(asked.body.certificate.number);
    expect((await owner.get(`/api/v1/certificates/${asked.body.certificate.number}.pdf`)).status).toBe(200);
    const stranger = await city.citizen(city.stranger);
    expect((await stranger.get('/api/v1/inquiries?about=mine')).body.inquiries).toEqual([]);
    expect((await stranger.get(`/api/v1/inquiries/${asked.body.id}`)).status).toBe(404);
    expect((await stranger.get('/api/v1/inquiries')).status).toBe(400);
  });
});

describe('violations and Article 100 cases', () => {
  it('an open violation routes the next inquiry; closed yesterday, it no longer does', async () => {
    const parcelId = city.clean.parcels[0].id;
    const clerk = await city.staff(['clerk'], city.district1.id);
    const otherExpert = await city.staff(['expert'], city.district2.id);
    const expert = await city.staff(['expert'], city.district1.id);
    const violation = { kind: 'building_violation', description: 'اضافه بنا', openedOn: '2026-01-10' };
    expect((await clerk.post(`/api/v1/parcels/${parcelId}/violations`, violation)).status).toBe(403);
    expect((await otherExpert.post(`/api/v1/parcels/${parcelId}/violations`, violation)).status).toBe(404);
    const recorded = await expert.post(`/api/v1/parcels/${parcelId}/violations`, violation);
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.body.open).toBe(true);

    const bank = await city.bankClient();
    const body = { parcel: { renewalCode: city.clean.parcels[0].renewal_code }, purpose: 'transfer' };
    const routed = await bank.post('/api/v1/inquiries', body);
    expect(routed.status).toBe(202);
    const open = routed.body.decision.conditions.find(
      (c: { code: string }) => c.code === 'no_open_violation',
    );
    expect(open).toMatchObject({ met: false, required: true });

    const yesterday = new Date(t.clock.now().getTime() - 86_400_000).toISOString().slice(0, 10);
    const closed = await expert.post(`/api/v1/violations/${recorded.body.id}/close`, {
      closedOn: yesterday,
      reason: 'Demolished as ordered',
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.open).toBe(false);
    expect(
      (
        await expert.post(`/api/v1/violations/${recorded.body.id}/close`, {
          closedOn: yesterday,
          reason: 'again',
        })
      ).status,
    ).toBe(409);
    expect((await bank.post('/api/v1/inquiries', body)).status).toBe(201);

    const listed = await expert.get(`/api/v1/parcels/${parcelId}/violations`);
    expect(listed.body.violations).toHaveLength(1);
    expect((await otherExpert.get(`/api/v1/parcels/${parcelId}/violations`)).status).toBe(404);
  });
});

describe('clearance certificate', () => {
  it('is issued at once when nothing is owed, and refused with the items when something is', async () => {
    const owner = await city.citizen(city.clean);
    const issued = await owner.post('/api/v1/clearances', { parcelId: city.clean.parcels[0].id });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const verified = await anonymous().get(`/api/v1/certificates/${issued.body.certificate.number}/verify`);
    expect(verified.body).toMatchObject({ result: 'valid', certificate: { kind: 'clearance' } });

    const debtor = await city.citizen(city.debtor);
    const refused = await debtor.post('/api/v1/clearances', {
      renewalCode: city.debtor.parcels[0].renewal_code,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('parcel_owes');
    expect(refused.body.error.details.items).toHaveLength(1);
    expect(refused.body.error.details.items[0]).toMatchObject({ kind: 'renewal_dues', year: 1404 });
    expect(BigInt(refused.body.error.details.totalRials)).toBeGreaterThan(0n);

    expect((await debtor.post('/api/v1/clearances', { parcelId: city.clean.parcels[0].id })).status).toBe(
      404,
    );
  });
});

describe('settings', () => {
  it('only an administrator publishes, never in the past', async () => {
    const admin = await city.staff(['admin'], null);
    const clerk = await city.staff(['clerk'], city.district1.id);
    const read = await admin.get('/api/v1/admin/inquiry-settings');
    expect(read.status).toBe(200);
    expect(read.body.inForce).toMatchObject({ responseValidityMonths: 2, completionMonths: 6 });
    const version = { ...read.body.inForce, effectiveFrom: '2020-01-01' };
    delete version.id;
    expect((await clerk.post('/api/v1/admin/inquiry-settings', version)).status).toBe(403);
    const past = await admin.post('/api/v1/admin/inquiry-settings', version);
    expect(past.status).toBe(400);
    expect(past.body.error.details.fields).toEqual([{ field: 'effectiveFrom', rule: 'not_in_past' }]);
    expect(past.body.error.message).toContain('«effective from» cannot be in the past');
  });
});
