import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../../test/client.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { lastOtpFor, signInCitizen, signInStaff } from '../../../../test/sign-in.js';
import { DEMO_CITIZENS, DEMO_PASSWORD } from '../demo-city/demo-accounts.js';
import { seedDemoCity } from '../demo-city/seed-demo-city.js';
import { OFFICE_CONSENT_TTL_MS } from './office-consent.js';

let t: TestApp;
let code: string;
let municipalityId: string;
beforeAll(async () => {
  t = await startTestApp();
  code = `consent-${randomUUID().slice(0, 8)}`;
  ({ municipalityId } = await seedDemoCity(t.database.db, { parcels: 200, municipalityCode: code }));
});
afterAll(() => t.close());

const office = (username: string) =>
  signInStaff(t, { municipality: code, username, password: DEMO_PASSWORD });

/** The parcel ids a citizen owns, from the database. */
async function parcelIdsOf(nationalId: string) {
  const rows = await t.database.db
    .selectFrom('parcels')
    .innerJoin('ownerships', 'ownerships.parcel_id', 'parcels.id')
    .innerJoin('owners', 'owners.id', 'ownerships.owner_id')
    .select('parcels.id')
    .where('owners.national_id', '=', nationalId)
    .where('parcels.municipality_id', '=', municipalityId)
    .execute();
  return rows.map((row) => row.id).sort();
}

async function inPersonConsent(client: TestClient, citizen: (typeof DEMO_CITIZENS)[number]) {
  const consent = await client.post('/api/v1/cases/consents', {
    nationalId: citizen.nationalId,
    mobile: citizen.mobile,
    serviceCode: 'inquiry',
    proof: { method: 'in_person', idDocumentChecked: true },
  });
  expect(consent.status, JSON.stringify(consent.body)).toBe(201);
  return consent.body.consentId as string;
}

describe("an office sees a citizen's parcels only with the citizen's consent", () => {
  it('without a consent an office gets nothing: no parcels, no filing, not even by guessing a consent id', async () => {
    const citizen = DEMO_CITIZENS[0];
    const [parcelId] = await parcelIdsOf(citizen.nationalId);
    const notary = await office('notary12');
    const guessed = await notary.get(`/api/v1/cases/consents/${randomUUID()}/parcels`);
    expect(guessed.status).toBe(404);
    expect(JSON.stringify(guessed.body)).not.toContain(parcelId);
    const filed = await notary.post('/api/v1/cases', {
      serviceCode: 'inquiry',
      parcelId,
      applicant: { nationalId: citizen.nationalId, mobile: citizen.mobile },
    });
    expect(filed.status).toBe(403);
    expect(filed.body.error.code).toBe('consent_required');
    // Consent not given: an unchecked ID document records nothing.
    const unchecked = await notary.post('/api/v1/cases/consents', {
      nationalId: citizen.nationalId,
      mobile: citizen.mobile,
      serviceCode: 'inquiry',
      proof: { method: 'in_person', idDocumentChecked: false },
    });
    expect(unchecked.status).toBe(403);
    expect(
      await t.database.db
        .selectFrom('office_consents')
        .select('id')
        .where('national_id', '=', citizen.nationalId)
        .execute(),
    ).toEqual([]);
  });

  it("with the texted code the office sees exactly that citizen's parcels and files one case; another office, a citizen and staff see nothing", async () => {
    const citizen = DEMO_CITIZENS[1];
    const notary = await office('notary12');
    const sent = await notary.post('/api/v1/cases/consent-code', {
      nationalId: citizen.nationalId,
      mobile: citizen.mobile,
      serviceCode: 'inquiry',
    });
    expect(sent.status).toBe(202);
    const otp = await lastOtpFor(t, citizen.mobile);
    const proof = { method: 'otp', challengeId: sent.body.challengeId, code: otp };
    const body = { nationalId: citizen.nationalId, mobile: citizen.mobile, serviceCode: 'inquiry' };
    const wrong = await notary.post('/api/v1/cases/consents', {
      ...body,
      proof: { ...proof, code: otp === '000000' ? '111111' : '000000' },
    });
    expect(wrong.status).toBe(401);
    const attempts = await t.database.db
      .selectFrom('otp_challenges')
      .select('attempts')
      .where('id', '=', sent.body.challengeId)
      .executeTakeFirstOrThrow();
    expect(attempts.attempts).toBe(1);
    const consent = await notary.post('/api/v1/cases/consents', { ...body, proof });
    expect(consent.status, JSON.stringify(consent.body)).toBe(201);
    expect(consent.body.method).toBe('otp');
    expect((await notary.post('/api/v1/cases/consents', { ...body, proof })).status).toBe(403);

    const url = `/api/v1/cases/consents/${consent.body.consentId}/parcels`;
    const parcels = await notary.get(url);
    expect(parcels.status).toBe(200);
    expect(parcels.body.applicant).toEqual({ nationalId: citizen.nationalId, mobile: citizen.mobile });
    const ids = parcels.body.parcels.map((p: { id: string }) => p.id).sort();
    expect(ids).toEqual(await parcelIdsOf(citizen.nationalId));
    expect(parcels.body.parcels[0]).toMatchObject({ renewalCode: expect.any(String), serviceLive: true });

    expect((await (await office('counter1')).get(url)).status).toBe(404);
    const person = await signInCitizen(t, {
      municipality: code,
      nationalId: citizen.nationalId,
      mobile: citizen.mobile,
    });
    expect((await person.get(url)).status).toBe(403);
    expect((await (await office('d1.clerk')).get(url)).status).toBe(403);

    const filed = await notary.post('/api/v1/cases', {
      serviceCode: 'inquiry',
      parcelId: ids[0],
      consent: { method: 'recorded', consentId: consent.body.consentId },
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect(filed.body).toMatchObject({ consent: 'otp', applicant: { nationalId: citizen.nationalId } });
    // Used once: neither the parcels nor a second filing any more.
    expect((await notary.get(url)).status).toBe(403);
    const again = await notary.post('/api/v1/cases', {
      serviceCode: 'inquiry',
      parcelId: ids[0],
      consent: { method: 'recorded', consentId: consent.body.consentId },
    });
    expect(again.body.error.code).toBe('consent_required');

    const audit = await t.database.db
      .selectFrom('audit_log')
      .innerJoin('users', 'users.id', 'audit_log.actor_id')
      .select(['audit_log.actor_kind', 'audit_log.office_id', 'users.username', 'audit_log.details'])
      .where('audit_log.municipality_id', '=', municipalityId)
      .where('audit_log.entity_id', '=', consent.body.consentId)
      .where('audit_log.action', '=', 'case.consent_recorded')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_kind: 'office', username: 'notary12' });
    expect(audit.office_id).not.toBeNull();
    expect(audit.details).toMatchObject({ applicant: citizen.nationalId, method: 'otp' });
  });

  it('a consent is for one citizen, one service and a short time', async () => {
    const citizen = DEMO_CITIZENS[2];
    const other = DEMO_CITIZENS[3];
    const notary = await office('notary12');
    const consentId = await inPersonConsent(notary, citizen);
    const [parcelOfOther] = await parcelIdsOf(other.nationalId);
    const [parcelOfCitizen] = await parcelIdsOf(citizen.nationalId);
    const forOther = await notary.post('/api/v1/cases', {
      serviceCode: 'inquiry',
      parcelId: parcelOfOther,
      consent: { method: 'recorded', consentId },
    });
    expect(forOther.status).toBe(404);
    const otherService = await notary.post('/api/v1/cases', {
      serviceCode: 'building_permit',
      parcelId: parcelOfCitizen,
      consent: { method: 'recorded', consentId },
    });
    expect(otherService.body.error.code).toBe('consent_required');
    const wrongApplicant = await notary.post('/api/v1/cases', {
      serviceCode: 'inquiry',
      parcelId: parcelOfCitizen,
      applicant: { nationalId: other.nationalId, mobile: other.mobile },
      consent: { method: 'recorded', consentId },
    });
    expect(wrongApplicant.body.error.code).toBe('consent_required');
    t.clock.advance(OFFICE_CONSENT_TTL_MS + 1_000);
    expect((await notary.get(`/api/v1/cases/consents/${consentId}/parcels`)).status).toBe(403);
    const late = await notary.post('/api/v1/cases', {
      serviceCode: 'inquiry',
      parcelId: parcelOfCitizen,
      consent: { method: 'recorded', consentId },
    });
    expect(late.body.error.code).toBe('consent_required');
  });
});
