import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCity, auditRows } from '../../../../test/admin-setup.js';
import { buildCity, buildParcel, buildStaff } from '../../../../test/factories.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { AppError } from '../../http/errors.js';
import { insertDistrict } from './repository-districts.js';
import { orDuplicate } from './unique-violation.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const names = { nameFa: 'منطقه ۷', nameEn: 'District 7', nameVi: 'Quận 7' };

describe('admin: districts', () => {
  it('lists districts by number with their parcel and staff counts', async () => {
    const city = await adminCity(t);
    const id = city.municipality.id;
    await buildParcel(t.database.db, { municipalityId: id, districtId: city.district2.id });
    await buildStaff(t.database.db, { municipalityId: id, roles: ['clerk'], districtId: city.district2.id });
    const response = await city.client.get('/api/v1/admin/districts');
    expect(response.status).toBe(200);
    expect(response.body.districts.map((d: { number: number }) => d.number)).toEqual([1, 2]);
    expect(response.body.districts[1]).toMatchObject({
      id: city.district2.id,
      parcelCount: 1,
      staffCount: 1,
    });
    expect(response.body.districts[0]).toMatchObject({ parcelCount: 0, staffCount: 0 });
  });

  it('creates a district and renames it, both audited', async () => {
    const city = await adminCity(t);
    const created = await city.client.post('/api/v1/admin/districts', { number: 7, ...names });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ number: 7, ...names, parcelCount: 0 });
    const renamed = await city.client.patch(`/api/v1/admin/districts/${created.body.id}`, {
      nameEn: 'Seventh',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ number: 7, nameEn: 'Seventh', nameFa: names.nameFa });
    const list = await city.client.get('/api/v1/admin/districts');
    expect(list.body.districts.map((d: { number: number }) => d.number)).toEqual([1, 2, 7]);
    const [createdRow] = await auditRows(t, city.municipality.id, 'admin.district_created');
    expect(createdRow).toMatchObject({ entity_type: 'district', entity_id: created.body.id });
    const [updatedRow] = await auditRows(t, city.municipality.id, 'admin.district_updated');
    expect(updatedRow.details).toMatchObject({
      before: { nameEn: 'District 7' },
      after: { nameEn: 'Seventh' },
    });
  });

  it('refuses a number already used in the municipality (409) but not one used elsewhere', async () => {
    const city = await adminCity(t);
    const duplicate = await city.client.post('/api/v1/admin/districts', { number: 2, ...names });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({ code: 'duplicate', details: { field: 'number' } });
    const other = await buildCity(t.database.db);
    expect(other.district1.number).toBe(1);
    expect((await city.client.post('/api/v1/admin/districts', { number: 3, ...names })).status).toBe(201);
  });

  it('maps a unique violation from the database to the same 409', async () => {
    const city = await buildCity(t.database.db);
    const write = insertDistrict(t.database.db, {
      municipality_id: city.municipality.id,
      number: 1,
      name_fa: 'x',
      name_en: 'x',
      name_vi: 'x',
      created_at: new Date(),
    });
    const error = await orDuplicate('number', write).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'duplicate', details: { field: 'number' } });
  });

  it('refuses bad input, naming the field', async () => {
    const { client } = await adminCity(t);
    const tooBig = await client.post('/api/v1/admin/districts', { number: 100, ...names });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error.details.fields).toEqual([{ field: 'number', rule: 'maximum' }]);
    const missing = await client.post('/api/v1/admin/districts', { number: 5, nameFa: 'x', nameEn: 'y' });
    expect(missing.body.error.details.fields).toEqual([{ field: 'nameVi', rule: 'required' }]);
  });

  it("answers 404 for another municipality's district and leaves it unchanged", async () => {
    const city = await adminCity(t);
    const other = await buildCity(t.database.db);
    const response = await city.client.patch(`/api/v1/admin/districts/${other.district1.id}`, {
      nameEn: 'Mine now',
    });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('not_found');
    const row = await t.database.db
      .selectFrom('districts')
      .select('name_en')
      .where('id', '=', other.district1.id)
      .executeTakeFirstOrThrow();
    expect(row.name_en).toBe(other.district1.name_en);
  });
});
