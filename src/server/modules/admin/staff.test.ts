import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCity, auditRows, signInStatus } from '../../../../test/admin-setup.js';
import { buildCity, buildStaff } from '../../../../test/factories.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { signInStaff } from '../../../../test/sign-in.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const PASSWORD = 'a-long-enough-secret';

describe('admin: staff accounts', () => {
  it('creates a district clerk who can sign in, lists and updates them, all audited', async () => {
    const city = await adminCity(t);
    const created = await city.client.post('/api/v1/admin/staff', {
      username: 'Sara.K',
      fullName: 'سارا کریمی',
      password: PASSWORD,
      roles: ['clerk'],
      districtId: city.district1.id,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      username: 'Sara.K',
      roles: ['clerk'],
      districtId: city.district1.id,
      isActive: true,
    });
    expect(JSON.stringify(created.body)).not.toMatch(/password|argon/i);
    const clerk = await signInStaff(t, { municipality: city.code, username: 'sara.k', password: PASSWORD });
    expect((await clerk.get('/api/v1/me')).body.roles).toEqual(['clerk']);

    const byRole = await city.client.get(`/api/v1/admin/staff?role=clerk&districtId=${city.district1.id}`);
    expect(byRole.body.staff.map((s: { id: string }) => s.id)).toEqual([created.body.id]);
    const byName = await city.client.get('/api/v1/admin/staff?q=%DA%A9%D8%B1%DB%8C%D9%85%DB%8C');
    expect(byName.body.staff.map((s: { id: string }) => s.id)).toEqual([created.body.id]);

    const updated = await city.client.patch(`/api/v1/admin/staff/${created.body.id}`, {
      fullName: 'سارا کریمی‌پور',
      districtId: city.district2.id,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ fullName: 'سارا کریمی‌پور', districtId: city.district2.id });
    const [createdRow] = await auditRows(t, city.municipality.id, 'admin.staff_created');
    expect(createdRow).toMatchObject({ entity_type: 'user', entity_id: created.body.id });
    expect(JSON.stringify(createdRow.details)).not.toContain(PASSWORD);
    expect(await auditRows(t, city.municipality.id, 'admin.staff_updated')).toHaveLength(1);
  });

  it('lets municipality-wide roles have no district, and district roles not', async () => {
    const { client } = await adminCity(t);
    const finance = await client.post('/api/v1/admin/staff', {
      username: 'fin',
      fullName: 'F',
      password: PASSWORD,
      roles: ['finance'],
      districtId: null,
    });
    expect(finance.status).toBe(201);
    expect(finance.body.districtId).toBeNull();
    const toClerk = await client.patch(`/api/v1/admin/staff/${finance.body.id}`, {
      roles: ['finance', 'inspector'],
    });
    expect(toClerk.status).toBe(400);
    expect(toClerk.body.error.details.fields).toEqual([{ field: 'districtId', rule: 'required' }]);
  });

  it('refuses bad input, naming the field', async () => {
    const city = await adminCity(t);
    const other = await buildCity(t.database.db);
    const base = {
      username: 'new.user',
      fullName: 'N',
      password: PASSWORD,
      roles: ['expert'],
      districtId: city.district1.id,
    };
    const cases: [Record<string, unknown>, { field: string; rule: string }][] = [
      [
        { ...base, username: 'a b' },
        { field: 'username', rule: 'pattern' },
      ],
      [
        { ...base, password: 'short' },
        { field: 'password', rule: 'minLength' },
      ],
      [
        { ...base, roles: [] },
        { field: 'roles', rule: 'minItems' },
      ],
      [
        { ...base, roles: ['mayor'] },
        { field: 'roles.0', rule: 'enum' },
      ],
      [
        { ...base, districtId: undefined },
        { field: 'districtId', rule: 'required' },
      ],
      [
        { ...base, districtId: other.district1.id },
        { field: 'districtId', rule: 'invalid' },
      ],
    ];
    for (const [body, field] of cases) {
      const response = await city.client.post('/api/v1/admin/staff', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.details.fields).toEqual([field]);
    }
  });

  it('refuses a username already taken, in any case (409)', async () => {
    const city = await adminCity(t);
    const response = await city.client.post('/api/v1/admin/staff', {
      username: city.admin.username.toUpperCase(),
      fullName: 'X',
      password: PASSWORD,
      roles: ['admin'],
    });
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'duplicate', details: { field: 'username' } });
  });

  it("answers 404 for another municipality's staff member and never lists them", async () => {
    const city = await adminCity(t);
    const other = await buildCity(t.database.db);
    const stranger = await buildStaff(t.database.db, {
      municipalityId: other.municipality.id,
      roles: ['clerk'],
      districtId: other.district1.id,
    });
    const id = stranger.user.id;
    expect((await city.client.patch(`/api/v1/admin/staff/${id}`, { isActive: false })).status).toBe(404);
    expect(
      (await city.client.post(`/api/v1/admin/staff/${id}/password`, { password: PASSWORD })).status,
    ).toBe(404);
    expect((await city.client.post(`/api/v1/admin/staff/${id}/unlock`)).status).toBe(404);
    const list = await city.client.get('/api/v1/admin/staff');
    expect(list.body.staff.map((s: { id: string }) => s.id)).toEqual([city.admin.user.id]);
  });

  it('deactivating a staff member ends their session and stops them signing in', async () => {
    const city = await adminCity(t);
    const clerk = await buildStaff(t.database.db, {
      municipalityId: city.municipality.id,
      roles: ['clerk'],
      districtId: city.district1.id,
    });
    const session = await signInStaff(t, {
      municipality: city.code,
      username: clerk.username,
      password: clerk.password,
    });
    const response = await city.client.patch(`/api/v1/admin/staff/${clerk.user.id}`, { isActive: false });
    expect(response.status).toBe(200);
    expect(response.body.isActive).toBe(false);
    expect((await session.get('/api/v1/me')).status).toBe(401);
    expect(
      await signInStatus(t, { municipality: city.code, username: clerk.username, password: clerk.password }),
    ).toBe(403);
    const open = await t.database.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', clerk.user.id)
      .where('revoked_at', 'is', null)
      .execute();
    expect(open).toEqual([]);
  });

  it('changing roles ends the sessions so the new roles apply at once', async () => {
    const city = await adminCity(t);
    const expert = await buildStaff(t.database.db, {
      municipalityId: city.municipality.id,
      roles: ['expert'],
      districtId: city.district1.id,
    });
    const session = await signInStaff(t, {
      municipality: city.code,
      username: expert.username,
      password: expert.password,
    });
    expect(
      (await city.client.patch(`/api/v1/admin/staff/${expert.user.id}`, { roles: ['inspector'] })).status,
    ).toBe(200);
    expect((await session.get('/api/v1/me')).status).toBe(401);
  });

  it('an admin cannot deactivate themselves or drop their own admin role (409)', async () => {
    const city = await adminCity(t);
    const self = `/api/v1/admin/staff/${city.admin.user.id}`;
    const deactivate = await city.client.patch(self, { isActive: false });
    expect(deactivate.status).toBe(409);
    expect(deactivate.body.error.code).toBe('cannot_lock_yourself_out');
    expect((await city.client.patch(self, { roles: ['oversight'] })).status).toBe(409);
    expect((await city.client.get('/api/v1/me')).status).toBe(200);
  });

  it('sets a new password: the old one stops working, sessions end, nothing secret is audited', async () => {
    const city = await adminCity(t);
    const clerk = await buildStaff(t.database.db, {
      municipalityId: city.municipality.id,
      roles: ['clerk'],
      districtId: city.district1.id,
    });
    const session = await signInStaff(t, {
      municipality: city.code,
      username: clerk.username,
      password: clerk.password,
    });
    const short = await city.client.post(`/api/v1/admin/staff/${clerk.user.id}/password`, {
      password: 'short',
    });
    expect(short.body.error.details.fields).toEqual([{ field: 'password', rule: 'minLength' }]);
    const response = await city.client.post(`/api/v1/admin/staff/${clerk.user.id}/password`, {
      password: PASSWORD,
    });
    expect(response.status).toBe(204);
    expect((await session.get('/api/v1/me')).status).toBe(401);
    expect(
      await signInStatus(t, { municipality: city.code, username: clerk.username, password: clerk.password }),
    ).toBe(401);
    expect(
      await signInStatus(t, { municipality: city.code, username: clerk.username, password: PASSWORD }),
    ).toBe(200);
    const [row] = await auditRows(t, city.municipality.id, 'admin.staff_password_set');
    expect(JSON.stringify(row.details)).not.toContain(PASSWORD);
  });

  it('unlock lets a locked-out staff member sign in again', async () => {
    const city = await adminCity(t);
    const clerk = await buildStaff(t.database.db, {
      municipalityId: city.municipality.id,
      roles: ['clerk'],
      districtId: city.district1.id,
    });
    const login = { municipality: city.code, username: clerk.username };
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push(await signInStatus(t, { ...login, password: 'wrong-password' }));
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    expect(await signInStatus(t, { ...login, password: clerk.password })).toBe(423);
    const listed = await city.client.get(`/api/v1/admin/staff?q=${clerk.username}`);
    expect(listed.body.staff[0].lockedUntil).not.toBeNull();
    expect((await city.client.post(`/api/v1/admin/staff/${clerk.user.id}/unlock`)).status).toBe(204);
    expect(await signInStatus(t, { ...login, password: clerk.password })).toBe(200);
    expect(await auditRows(t, city.municipality.id, 'admin.staff_unlocked')).toHaveLength(1);
  });
});
