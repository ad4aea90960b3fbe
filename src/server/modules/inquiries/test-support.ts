import { expect } from 'vitest';
import type { TestClient } from '../../../../test/client.js';
import {
  buildApiClient,
  buildCitizenOwner,
  buildCity,
  buildOffice,
  buildStaff,
} from '../../../../test/factories.js';
import type { TestApp } from '../../../../test/harness.js';
import { apiClientSession, signInCitizen, signInStaff } from '../../../../test/sign-in.js';
import type { StaffRole } from '../../http/principal.js';
import { issueTestCertificate } from '../certificates/test-support.js';
import { seedDemoServices } from '../demo-city/seed-demo-services.js';
import { assessYear, setTestTariff } from '../dues/test-support.js';
import { seedInquirySettings } from './settings-service.js';

const DAY = 86_400_000;

/**
 * A city where inquiries can be asked: the demo services and the Urmia settings; `debtor` owns a parcel in district 1
 * with 1404 renewal dues unpaid; `clean` owns one in district 1 assessed after that (owes nothing) with an inquiry
 * response issued 10 days ago; `stranger` owns a parcel in district 2. Two banks' systems, two notary offices and a
 * kiosk, and staff of both districts on demand.
 */
export async function inquiryCity(t: TestApp) {
  const db = t.database.db;
  const city = await buildCity(db);
  const m = city.municipality;
  await seedDemoServices(db, m.id, [1405]);
  await seedInquirySettings(db, m.id);
  const debtor = await buildCitizenOwner(db, {
    municipalityId: m.id,
    districtId: city.district1.id,
    parcels: 1,
  });
  await setTestTariff(db, m.id, 1404);
  await assessYear(t, m.id, 1404);
  const clean = await buildCitizenOwner(db, {
    municipalityId: m.id,
    districtId: city.district1.id,
    parcels: 1,
  });
  const stranger = await buildCitizenOwner(db, {
    municipalityId: m.id,
    districtId: city.district2.id,
    parcels: 1,
  });
  const earlier = await issueTestCertificate(t, {
    municipalityId: m.id,
    parcelId: clean.parcels[0].id,
    issuedAt: new Date(t.clock.now().getTime() - 10 * DAY),
  });
  const bank = await buildApiClient(db, { municipalityId: m.id, kind: 'bank' });
  const otherBank = await buildApiClient(db, { municipalityId: m.id, kind: 'bank' });
  const notary = await buildOffice(db, { municipalityId: m.id, kind: 'notary' });
  const otherNotary = await buildOffice(db, { municipalityId: m.id, kind: 'notary' });
  const kiosk = await buildOffice(db, { municipalityId: m.id, kind: 'kiosk' });
  const citizens = new Map<string, Promise<TestClient>>();
  const signInOffice = (office: { username: string; password: string }) =>
    signInStaff(t, { municipality: m.code, username: office.username, password: office.password });
  return {
    ...city,
    debtor,
    clean,
    stranger,
    earlier,
    bankClient: () => apiClientSession(t, bank),
    otherBankClient: () => apiClientSession(t, otherBank),
    notaryClient: () => signInOffice(notary),
    otherNotaryClient: () => signInOffice(otherNotary),
    kioskClient: () => signInOffice(kiosk),
    /** A citizen's signed-in client, one per citizen (a second code within a minute is refused, as in production). */
    citizen: (who: { nationalId: string; mobile: string }): Promise<TestClient> => {
      let session = citizens.get(who.nationalId);
      if (!session) {
        session = signInCitizen(t, { municipality: m.code, nationalId: who.nationalId, mobile: who.mobile });
        citizens.set(who.nationalId, session);
      }
      return session;
    },
    staff: async (roles: StaffRole[], districtId: string | null) => {
      const s = await buildStaff(db, { municipalityId: m.id, roles, districtId });
      return signInStaff(t, { municipality: m.code, username: s.username, password: s.password });
    },
  };
}

/** Takes a case action as a staff client would, with the case's current version. */
export async function act(
  client: TestClient,
  caseId: string,
  action: string,
  input: Record<string, unknown> = {},
) {
  const current = await client.get(`/api/v1/cases/${caseId}`);
  expect(current.status, JSON.stringify(current.body)).toBe(200);
  return client.post(`/api/v1/cases/${caseId}/actions`, { action, version: current.body.version, ...input });
}
