import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../../../test/client.js';
import {
  buildApiClient,
  buildCitizenOwner,
  buildCity,
  buildOffice,
  buildStaff,
} from '../../../../test/factories.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { apiClientSession, signInCitizen, signInStaff } from '../../../../test/sign-in.js';
import { verifyCertificateOffline } from '../../../shared/certificates/index.js';
import { systemActor } from '../audit/actor.js';
import { issueCertificate } from './issue-certificate.js';
import { listParcelCertificates } from './repository.js';
import { CLEAN_FINDINGS, issueTestCertificate } from './test-support.js';

const DAY = 86_400_000;
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function scene() {
  const db = t.database.db;
  const city = await buildCity(db);
  const m = city.municipality;
  const alice = await buildCitizenOwner(db, {
    municipalityId: m.id,
    districtId: city.district1.id,
    parcels: 1,
  });
  const bob = await buildCitizenOwner(db, {
    municipalityId: m.id,
    districtId: city.district2.id,
    parcels: 1,
  });
  const staff = async (roles: Parameters<typeof buildStaff>[1]['roles'], districtId: string | null) => {
    const s = await buildStaff(db, { municipalityId: m.id, roles, districtId });
    return signInStaff(t, { municipality: m.code, username: s.username, password: s.password });
  };
  const citizen = (who: { nationalId: string; mobile: string }) =>
    signInCitizen(t, { municipality: m.code, nationalId: who.nationalId, mobile: who.mobile });
  const issue = (input: Partial<Parameters<typeof issueTestCertificate>[1]> = {}) =>
    issueTestCertificate(t, { municipalityId: m.id, parcelId: alice.parcels[0].id, ...input });
  return { ...city, alice, bob, staff, citizen, issue };
}

const anonymous = () => new TestClient(t.app);

describe('issuing a certificate inside the caller’s transaction', () => {
  it('numbers it per municipality and Jalali year, snapshots parcel and owners, signs it, and audits it', async () => {
    const s = await scene();
    const first = await s.issue();
    const second = await s.issue({ kind: 'clearance', purpose: null });
    const year = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
      year: 'numeric',
      timeZone: 'Asia/Tehran',
    })
      .formatToParts(t.clock.now())
      .find((p) => p.type === 'year')?.value;
    const mun = String(s.municipality.number).padStart(2, '0');
    expect(first.number).toMatch(new RegExp(`^IR-${mun}-${year}-000001-\\d$`));
    expect(second.number).toMatch(new RegExp(`^CL-${mun}-${year}-000002-\\d$`));
    expect(first.owners).toEqual([
      {
        kind: 'person',
        name: s.alice.owner.name,
        nationalId: s.alice.nationalId,
        share: { numerator: 6, denominator: 6 },
      },
    ]);
    expect(first.token.split('.')).toHaveLength(3);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'details'])
      .where('municipality_id', '=', s.municipality.id)
      .where('action', '=', 'certificate.issued')
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.entity_id)).toEqual([first.number, second.number]);
    const ofParcel = await listParcelCertificates(t.database.db, s.municipality.id, s.alice.parcels[0].id);
    expect(new Set(ofParcel.map((c) => c.number))).toEqual(new Set([first.number, second.number]));
    expect(audit[0].details).toMatchObject({
      kind: 'inquiry_response',
      outcome: 'no_objection',
      parcelId: s.alice.parcels[0].id,
    });
  });

  it('leaves nothing behind when the caller’s transaction fails after issuing', async () => {
    const s = await scene();
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await issueCertificate(trx, t.app.certificateKeys, {
          kind: 'inquiry_response',
          municipalityId: s.municipality.id,
          parcelId: s.alice.parcels[0].id,
          findings: CLEAN_FINDINGS,
          outcome: 'no_objection',
          issuedAt: t.clock.now(),
          validUntil: new Date(t.clock.now().getTime() + DAY),
          actor: systemActor(s.municipality.id),
        });
        throw new Error('the inquiry service failed after issuing');
      }),
    ).rejects.toThrow('the inquiry service failed after issuing');
    const left = await t.database.db
      .selectFrom('certificates')
      .select('number')
      .where('municipality_id', '=', s.municipality.id)
      .execute();
    expect(left).toEqual([]);
    // The serial was not consumed either: the next certificate is number 1.
    expect((await s.issue()).number).toMatch(/-000001-\d$/);
  });

  it('refuses a conditional or refused outcome without reasons, and a validity that ends before issue', async () => {
    const s = await scene();
    await expect(s.issue({ outcome: 'refused', reasons: [] })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(s.issue({ validUntil: new Date(t.clock.now().getTime() - 1) })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(
      s.issue({
        parcelId: s.bob.parcels[0].id,
        municipalityId: (await buildCity(t.database.db)).municipality.id,
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('anyone verifies a certificate', () => {
  it('by number: valid with the key facts (owners masked), expired after its validity, unknown otherwise', async () => {
    const s = await scene();
    const cert = await s.issue({ validUntil: new Date(t.clock.now().getTime() + 10 * DAY) });
    const answer = await anonymous().get(`/api/v1/certificates/${cert.number}/verify`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      result: 'valid',
      certificate: {
        number: cert.number,
        kind: 'inquiry_response',
        outcome: 'no_objection',
        municipality: { code: s.municipality.code },
        district: 1,
      },
    });
    expect(JSON.stringify(answer.body)).not.toContain(s.alice.nationalId);
    expect(answer.body.certificate.owners).toEqual([expect.stringMatching(/^\S\*\*\*/)]);

    const typed = cert.number.toLowerCase().replace(/\d/g, (d: string) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);
    expect(
      (await anonymous().get(`/api/v1/certificates/${encodeURIComponent(typed)}/verify`)).body.result,
    ).toBe('valid');

    t.clock.advance(11 * DAY);
    try {
      expect((await anonymous().get(`/api/v1/certificates/${cert.number}/verify`)).body.result).toBe(
        'expired',
      );
    } finally {
      t.clock.advance(-11 * DAY);
    }
    const serial = Number(cert.number.split('-')[3]);
    const unknown = cert.number.replace(/-\d{6}-\d$/, `-${String(serial + 500).padStart(6, '0')}-0`);
    for (const number of [unknown, 'IR-99-1404-999999-0', 'not-a-number'])
      expect((await anonymous().get(`/api/v1/certificates/${number}/verify`)).body).toEqual({
        result: 'unknown',
        certificate: null,
      });
  });

  it('by scanned QR payload: genuine passes; a changed field, another key or a cut signature is forged', async () => {
    const s = await scene();
    const cert = await s.issue();
    const url = `${t.config.publicUrl}/verify#${cert.token}`;
    const genuine = await anonymous().post('/api/v1/certificates/verify-payload', { payload: url });
    expect(genuine.body).toMatchObject({
      result: 'valid',
      signature: { valid: true },
      certificate: { number: cert.number },
    });

    const [header, payload, signature] = cert.token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const changed = `${header}.${Buffer.from(JSON.stringify({ ...claims, o: 'N', p: '9-9999' })).toString('base64url')}.${signature}`;
    const truncated = cert.token.slice(0, -10);
    const { generateKeyPair, CompactSign } = await import('jose');
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const kid = JSON.parse(Buffer.from(header, 'base64url').toString()).kid;
    const otherKey = await new CompactSign(Buffer.from(payload, 'base64url'))
      .setProtectedHeader({ alg: 'EdDSA', kid })
      .sign(privateKey);
    for (const [forgery, reason] of [
      [changed, 'bad_signature'],
      [truncated, 'bad_signature'],
      [otherKey, 'bad_signature'],
      ['eyJhbGciOiJFZERTQSJ9.e30.c2ln', 'unknown_key'],
    ]) {
      const answer = await anonymous().post('/api/v1/certificates/verify-payload', { payload: forgery });
      expect(answer.body, forgery).toMatchObject({
        result: 'forged',
        signature: { valid: false, reason },
        certificate: null,
      });
    }
  });

  it('publishes every municipality’s keys at /.well-known/jwks.json, against which the QR verifies offline', async () => {
    const s = await scene();
    const cert = await s.issue();
    const jwks = await anonymous().get('/.well-known/jwks.json');
    expect(jwks.status).toBe(200);
    const mine = jwks.body.keys.filter((k: { mun: string }) => k.mun === s.municipality.code);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    expect(JSON.stringify(jwks.body)).not.toMatch(/"d"\s*:/);
    expect(await verifyCertificateOffline(cert.token, jwks.body, t.clock.now())).toMatchObject({
      ok: true,
      status: 'valid',
      kid: mine[0].kid,
      claims: { n: cert.number, m: s.municipality.code },
    });
  });
});

describe('key rotation', () => {
  it('signs new certificates with the new key while those signed with the old key still verify', async () => {
    const s = await scene();
    const old = await s.issue();
    const admin = await s.staff(['admin'], null);
    const rotated = await admin.post('/api/v1/certificates/signing-keys/rotate');
    expect(rotated.status).toBe(200);
    const oldKid = JSON.parse(Buffer.from(old.token.split('.')[0], 'base64url').toString()).kid;
    expect(rotated.body.retiredKid).toBe(oldKid);
    expect(rotated.body.kid).not.toBe(oldKid);

    const fresh = await s.issue();
    const freshKid = JSON.parse(Buffer.from(fresh.token.split('.')[0], 'base64url').toString()).kid;
    expect(freshKid).toBe(rotated.body.kid);

    const jwks = (await anonymous().get('/.well-known/jwks.json')).body;
    for (const cert of [old, fresh]) {
      expect(await verifyCertificateOffline(cert.token, jwks, t.clock.now())).toMatchObject({
        ok: true,
        status: 'valid',
      });
      const online = await anonymous().post('/api/v1/certificates/verify-payload', { payload: cert.token });
      expect(online.body.result).toBe('valid');
    }
    const keys = (await admin.get('/api/v1/certificates/signing-keys')).body.keys;
    expect(keys.map((k: { kid: string; current: boolean }) => [k.kid, k.current])).toEqual([
      [rotated.body.kid, true],
      [oldKid, false],
    ]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('municipality_id', '=', s.municipality.id)
      .where('action', '=', 'certificate.key_rotated')
      .execute();
    expect(audit).toEqual([{ entity_id: rotated.body.kid }]);
  });

  it('is for administrators only', async () => {
    const s = await scene();
    const manager = await s.staff(['district_manager'], s.district1.id);
    expect((await manager.post('/api/v1/certificates/signing-keys/rotate')).status).toBe(403);
    const alice = await s.citizen(s.alice);
    expect((await alice.get('/api/v1/certificates/signing-keys')).status).toBe(403);
    expect((await anonymous().post('/api/v1/certificates/signing-keys/rotate')).status).toBe(401);
  });
});

describe('revocation', () => {
  it('by the district manager of the parcel’s district, with a reason, audited; verification then says revoked', async () => {
    const s = await scene();
    const cert = await s.issue();
    const manager = await s.staff(['district_manager'], s.district1.id);
    const revoked = await manager.post(`/api/v1/certificates/${cert.number}/revoke`, {
      reason: 'صدور بر اساس اطلاعات نادرست',
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({
      status: 'revoked',
      revocationReason: 'صدور بر اساس اطلاعات نادرست',
    });
    const byNumber = await anonymous().get(`/api/v1/certificates/${cert.number}/verify`);
    expect(byNumber.body.result).toBe('revoked');
    expect(byNumber.body.certificate.revokedAt).toBeTruthy();
    const byPayload = await anonymous().post('/api/v1/certificates/verify-payload', { payload: cert.token });
    expect(byPayload.body).toMatchObject({ result: 'revoked', signature: { valid: true } });
    const again = await manager.post(`/api/v1/certificates/${cert.number}/revoke`, { reason: 'دوباره' });
    expect(again.status).toBe(409);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['entity_id', 'details'])
      .where('municipality_id', '=', s.municipality.id)
      .where('action', '=', 'certificate.revoked')
      .execute();
    expect(audit).toEqual([
      { entity_id: cert.number, details: expect.objectContaining({ reason: 'صدور بر اساس اطلاعات نادرست' }) },
    ]);
  });

  it('not by a clerk, nor by the manager of another district, nor by a citizen', async () => {
    const s = await scene();
    const cert = await s.issue();
    const clerk = await s.staff(['clerk'], s.district1.id);
    expect(
      (await clerk.post(`/api/v1/certificates/${cert.number}/revoke`, { reason: 'no reason at all' })).status,
    ).toBe(403);
    const otherManager = await s.staff(['district_manager'], s.district2.id);
    const elsewhere = await otherManager.post(`/api/v1/certificates/${cert.number}/revoke`, {
      reason: 'no reason at all',
    });
    expect(elsewhere.status).toBe(404);
    const alice = await s.citizen(s.alice);
    expect(
      (await alice.post(`/api/v1/certificates/${cert.number}/revoke`, { reason: 'no reason at all' })).status,
    ).toBe(403);
    expect((await anonymous().get(`/api/v1/certificates/${cert.number}/verify`)).body.result).toBe('valid');
  });

  it('by an administrator of the municipality, not of another one', async () => {
    const s = await scene();
    const cert = await s.issue();
    const other = await buildCity(t.database.db);
    const foreign = await buildStaff(t.database.db, {
      municipalityId: other.municipality.id,
      roles: ['admin'],
    });
    const foreignAdmin = await signInStaff(t, {
      municipality: other.municipality.code,
      username: foreign.username,
      password: foreign.password,
    });
    expect(
      (await foreignAdmin.post(`/api/v1/certificates/${cert.number}/revoke`, { reason: 'no reason at all' }))
        .status,
    ).toBe(404);
    const admin = await s.staff(['admin'], null);
    expect(
      (await admin.post(`/api/v1/certificates/${cert.number}/revoke`, { reason: 'issued in error' })).status,
    ).toBe(200);
  });
});

describe('who may read a certificate and download its PDF', () => {
  it('the owner, district staff, and the office or institution that asked for it; everyone else gets 404', async () => {
    const s = await scene();
    const db = t.database.db;
    const office = await buildOffice(db, { municipalityId: s.municipality.id });
    const otherOffice = await buildOffice(db, { municipalityId: s.municipality.id });
    const bank = await buildApiClient(db, { municipalityId: s.municipality.id });
    const otherBank = await buildApiClient(db, { municipalityId: s.municipality.id });
    const byOffice = await s.issue({
      requester: { kind: 'office', name: office.office.name, officeId: office.office.id },
    });
    const byBank = await s.issue({
      requester: { kind: 'api_client', name: 'بانک', apiClientId: bank.client.id },
    });

    const signInOffice = async (o: typeof office) => {
      const client = new TestClient(t.app);
      const r = await client.post('/api/v1/auth/staff/login', {
        municipality: s.municipality.code,
        username: o.username,
        password: o.password,
      });
      expect(r.status).toBe(200);
      return client;
    };
    const allowed: [string, TestClient, string][] = [
      ['owner', await s.citizen(s.alice), byOffice.number],
      ['district clerk', await s.staff(['clerk'], s.district1.id), byOffice.number],
      ['requesting office', await signInOffice(office), byOffice.number],
      ['requesting bank', await apiClientSession(t, bank), byBank.number],
    ];
    const refused: [string, TestClient, string][] = [
      ['another citizen', await s.citizen(s.bob), byOffice.number],
      ['clerk of another district', await s.staff(['clerk'], s.district2.id), byOffice.number],
      ['another office', await signInOffice(otherOffice), byOffice.number],
      ['another bank', await apiClientSession(t, otherBank), byBank.number],
      ['the office, for the bank’s certificate', await signInOffice(office), byBank.number],
    ];
    for (const [who, client, number] of allowed) {
      const pdf = await client.get(`/api/v1/certificates/${number}.pdf?lang=en`);
      expect(pdf.status, who).toBe(200);
      expect(pdf.headers['content-type'], who).toBe('application/pdf');
      expect((await client.get(`/api/v1/certificates/${number}`)).status, who).toBe(200);
    }
    for (const [who, client, number] of refused) {
      const pdf = await client.get(`/api/v1/certificates/${number}.pdf`);
      expect(pdf.status, who).toBe(404);
      expect(JSON.stringify(pdf.body), who).not.toContain(s.alice.nationalId);
      expect((await client.get(`/api/v1/certificates/${number}`)).status, who).toBe(404);
    }
    expect((await anonymous().get(`/api/v1/certificates/${byOffice.number}.pdf`)).status).toBe(401);
  });
});
