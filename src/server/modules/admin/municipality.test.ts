import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCity, auditRows } from '../../../../test/admin-setup.js';
import { buildCitizenOwner, buildOffice } from '../../../../test/factories.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('admin: the municipality', () => {
  it('shows the municipality with its counts', async () => {
    const city = await adminCity(t);
    const id = city.municipality.id;
    await buildCitizenOwner(t.database.db, { municipalityId: id, districtId: city.district1.id, parcels: 3 });
    await buildOffice(t.database.db, { municipalityId: id });
    const response = await city.client.get('/api/v1/admin/municipality');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id,
      code: city.code,
      nameEn: city.municipality.name_en,
      timezone: 'Asia/Tehran',
    });
    expect(response.body.counts).toEqual({
      districts: 2,
      staff: 1,
      offices: 1,
      apiClients: 0,
      parcels: 3,
      citizens: 0,
    });
  });

  it('renames it and changes its time zone, audited', async () => {
    const city = await adminCity(t);
    const response = await city.client.patch('/api/v1/admin/municipality', {
      nameEn: 'Karaj',
      timezone: 'Asia/Dubai',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      nameEn: 'Karaj',
      nameFa: city.municipality.name_fa,
      timezone: 'Asia/Dubai',
    });
    expect((await city.client.get('/api/v1/admin/municipality')).body.nameEn).toBe('Karaj');
    const [row] = await auditRows(t, city.municipality.id, 'admin.municipality_updated');
    expect(row).toMatchObject({
      entity_type: 'municipality',
      entity_id: city.municipality.id,
      actor_id: city.admin.user.id,
    });
    expect(row.details).toMatchObject({
      before: { nameEn: city.municipality.name_en },
      after: { nameEn: 'Karaj' },
    });
  });

  it('refuses an unknown time zone, a blank name and unknown fields, naming the field', async () => {
    const { client } = await adminCity(t);
    const zone = await client.patch('/api/v1/admin/municipality', { timezone: 'Mars/Olympus' });
    expect(zone.status).toBe(400);
    expect(zone.body.error.details.fields).toEqual([{ field: 'timezone', rule: 'invalid' }]);
    const blank = await client.patch('/api/v1/admin/municipality', { nameFa: '   ' });
    expect(blank.body.error.details.fields).toEqual([{ field: 'nameFa', rule: 'required' }]);
    const extra = await client.patch('/api/v1/admin/municipality', { code: 'other' });
    expect(extra.status).toBe(400);
    expect(extra.body.error.details.fields).toEqual([{ field: 'code', rule: 'additionalProperties' }]);
  });
});
