import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCity, auditRows, signInStatus } from '../../../../test/admin-setup.js';
import { buildCity, buildOffice } from '../../../../test/factories.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { signInStaff } from '../../../../test/sign-in.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const PASSWORD = 'a-long-enough-secret';

describe('admin: offices and their operators', () => {
  it('registers an office, lists and renames it, adds an operator who can sign in, all audited', async () => {
    const city = await adminCity(t);
    const created = await city.client.post('/api/v1/admin/offices', {
      kind: 'notary',
      name: 'دفترخانه ۱۲',
      licenseNo: 'N-12',
      districtId: city.district1.id,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'notary',
      licenseNo: 'N-12',
      districtId: city.district1.id,
      isActive: true,
      operatorCount: 0,
    });
    const officeUrl = `/api/v1/admin/offices/${created.body.id}`;
    expect((await city.client.patch(officeUrl, { name: 'دفترخانه دوازده' })).body.name).toBe(
      'دفترخانه دوازده',
    );

    const operator = await city.client.post(`${officeUrl}/operators`, {
      username: 'notary12',
      fullName: 'متصدی',
      password: PASSWORD,
    });
    expect(operator.status).toBe(201);
    expect(operator.body).toMatchObject({ username: 'notary12', officeId: created.body.id, isActive: true });
    const session = await signInStaff(t, {
      municipality: city.code,
      username: 'notary12',
      password: PASSWORD,
    });
    expect((await session.get('/api/v1/me')).body).toMatchObject({
      kind: 'office',
      officeId: created.body.id,
    });

    const operators = await city.client.get(`${officeUrl}/operators`);
    expect(operators.body.operators.map((o: { id: string }) => o.id)).toEqual([operator.body.id]);
    const offices = await city.client.get('/api/v1/admin/offices');
    expect(offices.body.offices).toMatchObject([{ id: created.body.id, operatorCount: 1 }]);
    const staff = await city.client.get('/api/v1/admin/staff');
    expect(staff.body.staff.map((s: { id: string }) => s.id)).not.toContain(operator.body.id);
    for (const action of ['admin.office_created', 'admin.office_updated', 'admin.office_operator_created']) {
      expect(await auditRows(t, city.municipality.id, action), action).toHaveLength(1);
    }
  });

  it("deactivating an office ends its operators' sessions and stops them signing in", async () => {
    const city = await adminCity(t);
    const { office, username, password } = await buildOffice(t.database.db, {
      municipalityId: city.municipality.id,
    });
    const session = await signInStaff(t, { municipality: city.code, username, password });
    const response = await city.client.patch(`/api/v1/admin/offices/${office.id}`, { isActive: false });
    expect(response.status).toBe(200);
    expect(response.body.isActive).toBe(false);
    expect((await session.get('/api/v1/me')).status).toBe(401);
    expect(await signInStatus(t, { municipality: city.code, username, password })).toBe(403);
    const [row] = await auditRows(t, city.municipality.id, 'admin.office_updated');
    expect(row.details).toMatchObject({ revokedSessions: 1 });
  });

  it('refuses a licence number or operator username already taken (409)', async () => {
    const city = await adminCity(t);
    const existing = await buildOffice(t.database.db, { municipalityId: city.municipality.id });
    const office = await city.client.post('/api/v1/admin/offices', {
      kind: 'counter',
      name: 'X',
      licenseNo: existing.office.license_no,
    });
    expect(office.status).toBe(409);
    expect(office.body.error).toMatchObject({ code: 'duplicate', details: { field: 'licenseNo' } });
    const operator = await city.client.post(`/api/v1/admin/offices/${existing.office.id}/operators`, {
      username: city.admin.username,
      fullName: 'X',
      password: PASSWORD,
    });
    expect(operator.body.error).toMatchObject({ code: 'duplicate', details: { field: 'username' } });
  });

  it('refuses bad input, naming the field', async () => {
    const city = await adminCity(t);
    const other = await buildCity(t.database.db);
    const kind = await city.client.post('/api/v1/admin/offices', {
      kind: 'casino',
      name: 'X',
      licenseNo: 'L-1',
    });
    expect(kind.status).toBe(400);
    expect(kind.body.error.details.fields).toEqual([{ field: 'kind', rule: 'enum' }]);
    const district = await city.client.post('/api/v1/admin/offices', {
      kind: 'kiosk',
      name: 'X',
      licenseNo: 'L-1',
      districtId: other.district1.id,
    });
    expect(district.body.error.details.fields).toEqual([{ field: 'districtId', rule: 'invalid' }]);
    const empty = await city.client.patch(
      `/api/v1/admin/offices/${(await buildOffice(t.database.db, { municipalityId: city.municipality.id })).office.id}`,
      {},
    );
    expect(empty.status).toBe(400);
  });

  it("answers 404 for another municipality's office", async () => {
    const city = await adminCity(t);
    const other = await buildCity(t.database.db);
    const { office } = await buildOffice(t.database.db, { municipalityId: other.municipality.id });
    const url = `/api/v1/admin/offices/${office.id}`;
    expect((await city.client.patch(url, { isActive: false })).status).toBe(404);
    expect((await city.client.get(`${url}/operators`)).status).toBe(404);
    const create = await city.client.post(`${url}/operators`, {
      username: 'sneaky',
      fullName: 'X',
      password: PASSWORD,
    });
    expect(create.status).toBe(404);
    expect((await city.client.get('/api/v1/admin/offices')).body.offices).toEqual([]);
  });
});
