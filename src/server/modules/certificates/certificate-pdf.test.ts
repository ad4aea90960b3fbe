import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../../../test/client.js';
import { buildCitizenOwner, buildCity } from '../../../../test/factories.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { pdfText, pdfToolsMissing, scanQrCodes } from '../../../../test/pdf-tools.js';
import { signInCitizen } from '../../../../test/sign-in.js';
import { toPersianDigits } from '../../../shared/digits.js';
import { issueTestCertificate } from './test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ CERTIFICATE_KEY_SECRET: 'test-secret-that-is-at-least-32-characters' });
});
afterAll(() => t.close());

/** Lines compared without spaces or ZWNJ (Poppler misplaces spaces beside numbers in right-to-left lines). */
const squeeze = (text: string) => text.replace(/[\s\u200c]+/g, '');

describe.skipIf(pdfToolsMissing.length > 0)('the certificate PDF', () => {
  it('reads in Persian in logical order, and its QR scans to a payload that verifies', async () => {
    const city = await buildCity(t.database.db);
    const alice = await buildCitizenOwner(t.database.db, {
      municipalityId: city.municipality.id,
      districtId: city.district1.id,
      parcels: 1,
    });
    const cert = await issueTestCertificate(t, {
      municipalityId: city.municipality.id,
      parcelId: alice.parcels[0].id,
      outcome: 'conditional',
      reasons: [{ fa: 'رعایت عقب‌نشینی ۳ متری از بر خیابان', en: 'Keep a 3 m setback from the street' }],
    });
    const client = await signInCitizen(t, {
      municipality: city.municipality.code,
      nationalId: alice.nationalId,
      mobile: alice.mobile,
    });
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/certificates/${cert.number}.pdf?lang=fa`,
      headers: { cookie: `sv_session=${client.sessionCookie}` },
    });
    expect(response.statusCode).toBe(200);
    const pdf = response.rawPayload;
    const lines = pdfText(pdf).map(squeeze);
    expect(lines).toContain(squeeze('گواهی پاسخ استعلام'));
    expect(lines.join('\n')).toContain(cert.number);
    expect(lines.join('\n')).toContain(squeeze('با رعایت شرایط زیر بلامانع است'));
    expect(lines.join('\n')).toContain(squeeze('رعایت عقب‌نشینی ۳ متری از بر خیابان'));
    // Numbers read left to right inside the right-to-left line (a reversed 4-digit plate would not match).
    const plate = alice.parcels[0];
    const plateLine = lines.find((line) => line.startsWith('بخش')) ?? '';
    expect(plateLine).toContain(toPersianDigits(String(plate.main_plate)));
    expect(plateLine).toContain(squeeze('پلاک اصلی'));

    const [scanned] = scanQrCodes(pdf);
    expect(scanned).toBe(`${t.config.publicUrl}/verify#${cert.token}`);
    const verified = await new TestClient(t.app).post('/api/v1/certificates/verify-payload', {
      payload: scanned,
    });
    expect(verified.body).toMatchObject({
      result: 'valid',
      certificate: { number: cert.number, outcome: 'conditional' },
    });

    const english = await t.app.inject({
      method: 'GET',
      url: `/api/v1/certificates/${cert.number}.pdf?lang=en`,
      headers: { cookie: `sv_session=${client.sessionCookie}` },
    });
    const englishText = pdfText(english.rawPayload).join('\n');
    expect(englishText).toContain('Inquiry response certificate');
    expect(englishText).toContain('No objection, on the conditions below');
    expect(englishText).toContain(alice.owner.name);
  });
});

describe('signing keys at rest', () => {
  it('are sealed with CERTIFICATE_KEY_SECRET, and no other secret opens them', async () => {
    const city = await buildCity(t.database.db);
    const owner = await buildCitizenOwner(t.database.db, {
      municipalityId: city.municipality.id,
      districtId: city.district1.id,
      parcels: 1,
    });
    await issueTestCertificate(t, { municipalityId: city.municipality.id, parcelId: owner.parcels[0].id });
    const key = await t.database.db
      .selectFrom('certificate_signing_keys')
      .select(['private_key', 'public_jwk'])
      .where('municipality_id', '=', city.municipality.id)
      .executeTakeFirstOrThrow();
    expect(key.private_key).toMatch(/^aes256gcm:/);
    expect(JSON.stringify(key.public_jwk)).not.toContain('"d"');

    const { CertificateKeyring } = await import('./keyring.js');
    const wrong = new CertificateKeyring('a-different-secret-of-32-characters-or-more');
    await expect(
      wrong.currentKey(t.database.db, { id: city.municipality.id, code: city.municipality.code }, new Date()),
    ).rejects.toThrow('CERTIFICATE_KEY_SECRET does not open this signing key');
  });
});
