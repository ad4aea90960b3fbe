import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../../../test/client.js';
import { buildCitizenOwner, buildCity, fakeMobile, fakeNationalId } from '../../../../test/factories.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { lastOtpFor, signInCitizen } from '../../../../test/sign-in.js';
import { toPersianDigits } from '../../../shared/digits.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function newCity() {
  const city = await buildCity(t.database.db);
  const citizen = await buildCitizenOwner(t.database.db, {
    municipalityId: city.municipality.id,
    districtId: city.district1.id,
    parcels: 2,
  });
  return { ...city, citizen, code: city.municipality.code };
}

describe('citizen sign-in with national ID, mobile and an SMS code', () => {
  it('signs in with the code from the SMS simulator, shows the citizen and their parcels', async () => {
    const { code, citizen } = await newCity();
    const client = await signInCitizen(t, {
      municipality: code,
      nationalId: citizen.nationalId,
      mobile: citizen.mobile,
    });
    const me = await client.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ kind: 'citizen', roles: ['citizen'], nationalId: citizen.nationalId });
    const parcels = await client.get('/api/v1/me/parcels');
    expect(parcels.body.parcels.map((p: { id: string }) => p.id).sort()).toEqual(
      citizen.parcels.map((p) => p.id).sort(),
    );
    expect(parcels.body.parcels[0].share).toEqual({ numerator: 6, denominator: 6 });
  });

  it('accepts Persian digits in the national ID, mobile and code', async () => {
    const { code, citizen } = await newCity();
    const client = new TestClient(t.app);
    const requested = await client.post('/api/v1/auth/citizen/otp', {
      municipality: code,
      nationalId: toPersianDigits(citizen.nationalId),
      mobile: toPersianDigits(citizen.mobile),
    });
    expect(requested.status).toBe(202);
    const otp = await lastOtpFor(t, citizen.mobile);
    const verified = await client.post('/api/v1/auth/citizen/verify', {
      challengeId: requested.body.challengeId,
      code: toPersianDigits(otp),
    });
    expect(verified.status).toBe(200);
  });

  it('refuses a national ID with a wrong check digit, naming the field in the request language', async () => {
    const { code } = await newCity();
    const client = new TestClient(t.app);
    const bad = '0076229646';
    client.language = 'fa';
    const fa = await client.post('/api/v1/auth/citizen/otp', {
      municipality: code,
      nationalId: bad,
      mobile: fakeMobile(),
    });
    expect(fa.status).toBe(400);
    expect(fa.body.error.code).toBe('validation_failed');
    expect(fa.body.error.details.fields).toEqual([{ field: 'nationalId', rule: 'national_id' }]);
    expect(fa.body.error.message).toContain('کد ملی معتبری نیست');
    client.language = 'vi';
    const vi = await client.post('/api/v1/auth/citizen/otp', {
      municipality: code,
      nationalId: bad,
      mobile: fakeMobile(),
    });
    expect(vi.body.error.message).toContain('«mã số định danh»');
    expect(vi.body.error.message).toContain('không phải mã số định danh hợp lệ');
  });

  it('answers a malformed body with the fields at fault, never a 500', async () => {
    const client = new TestClient(t.app);
    const response = await client.post('/api/v1/auth/citizen/otp', { nationalId: 'abc', extra: 1 });
    expect(response.status).toBe(400);
    const fields = response.body.error.details.fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(['extra', 'mobile', 'nationalId']);
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/citizen/otp',
      headers: { 'content-type': 'application/json' },
      payload: '{"nationalId":',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.code).toBe('invalid_json');
  });

  it('refuses a mobile that is not the one registered for the owner', async () => {
    const { code, citizen } = await newCity();
    const response = await new TestClient(t.app).post('/api/v1/auth/citizen/otp', {
      municipality: code,
      nationalId: citizen.nationalId,
      mobile: fakeMobile(),
    });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('identity_mismatch');
  });

  it('lets a person unknown to the municipality register, with no parcels', async () => {
    const { code } = await newCity();
    const client = await signInCitizen(t, {
      municipality: code,
      nationalId: fakeNationalId(),
      mobile: fakeMobile(),
    });
    expect((await client.get('/api/v1/me/parcels')).body.parcels).toEqual([]);
  });

  it('counts wrong codes, then refuses the challenge; an expired or used code is refused', async () => {
    const { code, citizen } = await newCity();
    const client = new TestClient(t.app);
    const requested = await client.post('/api/v1/auth/citizen/otp', {
      municipality: code,
      nationalId: citizen.nationalId,
      mobile: citizen.mobile,
    });
    const real = await lastOtpFor(t, citizen.mobile);
    const wrong = real === '000000' ? '111111' : '000000';
    const first = await client.post('/api/v1/auth/citizen/verify', {
      challengeId: requested.body.challengeId,
      code: wrong,
    });
    expect(first.status).toBe(401);
    expect(first.body.error).toMatchObject({ code: 'otp_invalid', details: { attemptsLeft: 4 } });
    for (let i = 0; i < 3; i++)
      await client.post('/api/v1/auth/citizen/verify', {
        challengeId: requested.body.challengeId,
        code: wrong,
      });
    const fifth = await client.post('/api/v1/auth/citizen/verify', {
      challengeId: requested.body.challengeId,
      code: wrong,
    });
    expect(fifth.body.error.code).toBe('otp_too_many_attempts');
    const afterLimit = await client.post('/api/v1/auth/citizen/verify', {
      challengeId: requested.body.challengeId,
      code: real,
    });
    expect(afterLimit.status).toBe(429);

    t.clock.advance(61_000);
    const again = await client.post('/api/v1/auth/citizen/otp', {
      municipality: code,
      nationalId: citizen.nationalId,
      mobile: citizen.mobile,
    });
    const otp = await lastOtpFor(t, citizen.mobile);
    t.clock.advance(121_000);
    const late = await client.post('/api/v1/auth/citizen/verify', {
      challengeId: again.body.challengeId,
      code: otp,
    });
    expect(late.body.error.code).toBe('otp_expired');

    const third = await client.post('/api/v1/auth/citizen/otp', {
      municipality: code,
      nationalId: citizen.nationalId,
      mobile: citizen.mobile,
    });
    const otp3 = await lastOtpFor(t, citizen.mobile);
    expect(
      (await client.post('/api/v1/auth/citizen/verify', { challengeId: third.body.challengeId, code: otp3 }))
        .status,
    ).toBe(200);
    const reused = await new TestClient(t.app).post('/api/v1/auth/citizen/verify', {
      challengeId: third.body.challengeId,
      code: otp3,
    });
    expect(reused.body.error.code).toBe('otp_expired');
  });

  it('does not send a second code within the resend interval', async () => {
    const { code, citizen } = await newCity();
    const client = new TestClient(t.app);
    const body = { municipality: code, nationalId: citizen.nationalId, mobile: citizen.mobile };
    expect((await client.post('/api/v1/auth/citizen/otp', body)).status).toBe(202);
    const second = await client.post('/api/v1/auth/citizen/otp', body);
    expect(second.status).toBe(429);
    expect(second.body.error.code).toBe('otp_too_soon');
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses an unknown municipality', async () => {
    const response = await new TestClient(t.app).post('/api/v1/auth/citizen/otp', {
      municipality: 'no-such-city',
      nationalId: fakeNationalId(),
      mobile: fakeMobile(),
    });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('municipality_unknown');
  });
});
