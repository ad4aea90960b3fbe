import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../../../test/client.js';
import { buildCity, buildOffice, buildStaff } from '../../../../test/factories.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { signInStaff } from '../../../../test/sign-in.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('staff and office sign-in with username and password', () => {
  it('signs a staff member in and reports roles and district', async () => {
    const { municipality, district1 } = await buildCity(t.database.db);
    const staff = await buildStaff(t.database.db, {
      municipalityId: municipality.id,
      roles: ['clerk'],
      districtId: district1.id,
    });
    const client = await signInStaff(t, {
      municipality: municipality.code,
      username: staff.username,
      password: staff.password,
    });
    const me = await client.get('/api/v1/me');
    expect(me.body).toMatchObject({
      kind: 'staff',
      roles: ['clerk'],
      districtId: district1.id,
      district: { id: district1.id, number: 1, name: 'District 1' },
      municipality: { code: municipality.code, timezone: 'Asia/Tehran' },
    });
    expect(client.sessionCookie).toBeTruthy();
    const cookieHeader = String(
      (
        await new TestClient(t.app).post('/api/v1/auth/staff/login', {
          municipality: municipality.code,
          username: staff.username,
          password: staff.password,
        })
      ).headers['set-cookie'],
    );
    expect(cookieHeader).toContain('HttpOnly');
    expect(cookieHeader).toContain('SameSite=Lax');
  });

  it('signs an office operator in as an office principal', async () => {
    const { municipality } = await buildCity(t.database.db);
    const office = await buildOffice(t.database.db, { municipalityId: municipality.id, kind: 'notary' });
    const client = await signInStaff(t, {
      municipality: municipality.code,
      username: office.username,
      password: office.password,
    });
    const me = await client.get('/api/v1/me');
    expect(me.body).toMatchObject({
      kind: 'office',
      officeId: office.office.id,
      roles: ['office_operator', 'office:notary'],
    });
  });

  it('does not tell an unknown username from a wrong password', async () => {
    const { municipality } = await buildCity(t.database.db);
    const staff = await buildStaff(t.database.db, { municipalityId: municipality.id, roles: ['finance'] });
    const client = new TestClient(t.app);
    const unknown = await client.post('/api/v1/auth/staff/login', {
      municipality: municipality.code,
      username: 'nobody',
      password: 'whatever-1234',
    });
    const wrong = await client.post('/api/v1/auth/staff/login', {
      municipality: municipality.code,
      username: staff.username,
      password: 'whatever-1234',
    });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body.error.code).toBe(wrong.body.error.code);
  });

  it('locks the account after five wrong passwords, even against the right one, until the lock passes', async () => {
    const { municipality } = await buildCity(t.database.db);
    const staff = await buildStaff(t.database.db, { municipalityId: municipality.id, roles: ['admin'] });
    const client = new TestClient(t.app);
    const attempt = (password: string) =>
      client.post('/api/v1/auth/staff/login', {
        municipality: municipality.code,
        username: staff.username,
        password,
      });
    for (let i = 0; i < 4; i++) expect((await attempt('wrong-password-1')).status).toBe(401);
    const fifth = await attempt('wrong-password-1');
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.code).toBe('account_locked');
    expect((await attempt(staff.password)).status).toBe(423);
    t.clock.advance(16 * 60_000);
    expect((await attempt(staff.password)).status).toBe(200);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('municipality_id', '=', municipality.id)
      .where('entity_id', '=', staff.user.id)
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual([
      ...Array(4).fill('auth.sign_in_failed'),
      'auth.locked_out',
      'auth.signed_in',
    ]);
  });

  it('refuses a disabled account', async () => {
    const { municipality } = await buildCity(t.database.db);
    const staff = await buildStaff(t.database.db, { municipalityId: municipality.id, roles: ['finance'] });
    await t.database.db
      .updateTable('users')
      .set({ is_active: false })
      .where('id', '=', staff.user.id)
      .execute();
    const response = await new TestClient(t.app).post('/api/v1/auth/staff/login', {
      municipality: municipality.code,
      username: staff.username,
      password: staff.password,
    });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('account_disabled');
  });
});

describe('the public municipality endpoint', () => {
  it('names the municipality in the request language, before anyone signs in', async () => {
    const { municipality } = await buildCity(t.database.db);
    const client = new TestClient(t.app);
    client.language = 'fa';
    const response = await client.get(`/api/v1/municipality?code=${municipality.code}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      code: municipality.code,
      name: municipality.name_fa,
      timezone: 'Asia/Tehran',
    });
    expect((await client.get('/api/v1/municipality?code=no-such-city')).status).toBe(404);
  });
});

describe('sessions', () => {
  it('is refused after sign-out, and sign-out everywhere ends the other sessions too', async () => {
    const { municipality } = await buildCity(t.database.db);
    const staff = await buildStaff(t.database.db, { municipalityId: municipality.id, roles: ['oversight'] });
    const input = { municipality: municipality.code, username: staff.username, password: staff.password };
    const laptop = await signInStaff(t, input);
    const phone = await signInStaff(t, input);
    const tablet = await signInStaff(t, input);
    expect((await laptop.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await laptop.get('/api/v1/me')).status).toBe(401);
    expect((await phone.get('/api/v1/me')).status).toBe(200);
    const everywhere = await phone.post('/api/v1/auth/logout-all');
    expect(everywhere.body.revokedSessions).toBe(2);
    expect((await tablet.get('/api/v1/me')).status).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const { municipality } = await buildCity(t.database.db);
    const staff = await buildStaff(t.database.db, { municipalityId: municipality.id, roles: ['oversight'] });
    const client = await signInStaff(t, {
      municipality: municipality.code,
      username: staff.username,
      password: staff.password,
    });
    const forged = await client.post('/api/v1/auth/logout', {}, { 'x-csrf-token': 'forged' });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('csrf_failed');
    expect((await client.get('/api/v1/me')).status).toBe(200);
  });

  it('expires a session after its lifetime', async () => {
    const { municipality } = await buildCity(t.database.db);
    const staff = await buildStaff(t.database.db, { municipalityId: municipality.id, roles: ['oversight'] });
    const client = await signInStaff(t, {
      municipality: municipality.code,
      username: staff.username,
      password: staff.password,
    });
    t.clock.advance(13 * 3_600_000);
    expect((await client.get('/api/v1/me')).status).toBe(401);
  });

  it('answers 401 to an anonymous caller of /api/v1/me', async () => {
    const response = await new TestClient(t.app).get('/api/v1/me');
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('unauthenticated');
  });
});
