import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCitizenOwner,
  buildCity,
  buildOwner,
  buildParcel,
  buildStaff,
} from '../../../../test/factories.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { signInCitizen, signInStaff } from '../../../../test/sign-in.js';

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
  return { ...city, alice, bob, staff };
}

describe('who may see and change a parcel', () => {
  it("a citizen sees their own parcel, and gets 404 for another citizen's", async () => {
    const s = await scene();
    const alice = await signInCitizen(t, {
      municipality: s.municipality.code,
      nationalId: s.alice.nationalId,
      mobile: s.alice.mobile,
    });
    const own = await alice.get(`/api/v1/parcels/${s.alice.parcels[0].id}`);
    expect(own.status).toBe(200);
    expect(own.body.owners).toEqual([
      expect.objectContaining({ nationalId: s.alice.nationalId, share: { numerator: 6, denominator: 6 } }),
    ]);
    const other = await alice.get(`/api/v1/parcels/${s.bob.parcels[0].id}`);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('not_found');
    expect(JSON.stringify(other.body)).not.toContain(s.bob.nationalId);
    const mine = await alice.get('/api/v1/me/parcels');
    expect(mine.body.parcels.map((p: { id: string }) => p.id)).toEqual([s.alice.parcels[0].id]);
  });

  it('a citizen cannot reach a parcel of another municipality by its id', async () => {
    const s = await scene();
    const elsewhere = await buildCity(t.database.db);
    const owner = await buildOwner(t.database.db, elsewhere.municipality.id, {
      nationalId: s.alice.nationalId,
    });
    const foreign = await buildParcel(t.database.db, {
      municipalityId: elsewhere.municipality.id,
      districtId: elsewhere.district1.id,
      ownerId: owner.id,
    });
    const alice = await signInCitizen(t, {
      municipality: s.municipality.code,
      nationalId: s.alice.nationalId,
      mobile: s.alice.mobile,
    });
    expect((await alice.get(`/api/v1/parcels/${foreign.id}`)).status).toBe(404);
  });

  it('staff of district 1 find and correct parcels of district 1 only', async () => {
    const s = await scene();
    const clerk1 = await s.staff(['clerk'], s.district1.id);
    const found = await clerk1.get(`/api/v1/parcels?renewalCode=${s.alice.parcels[0].renewal_code}`);
    expect(found.body.parcels).toHaveLength(1);
    const hidden = await clerk1.get(`/api/v1/parcels?renewalCode=${s.bob.parcels[0].renewal_code}`);
    expect(hidden.body.parcels).toHaveLength(0);

    const fixed = await clerk1.patch(`/api/v1/parcels/${s.alice.parcels[0].id}`, {
      postalCode: '۱۳۴۵۶۷۸۹۱۴',
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body.postalCode).toBe('1345678914');

    const refused = await clerk1.patch(`/api/v1/parcels/${s.bob.parcels[0].id}`, { address: 'خیابان دیگر' });
    expect(refused.status).toBe(404);
    expect((await clerk1.get(`/api/v1/parcels/${s.bob.parcels[0].id}`)).status).toBe(404);
    const bobParcel = await t.database.db
      .selectFrom('parcels')
      .select('address')
      .where('id', '=', s.bob.parcels[0].id)
      .executeTakeFirstOrThrow();
    expect(bobParcel.address).toBe(s.bob.parcels[0].address);
  });

  it('an inspector may look at a parcel of their district but not correct it', async () => {
    const s = await scene();
    const inspector = await s.staff(['inspector'], s.district1.id);
    expect((await inspector.get(`/api/v1/parcels/${s.alice.parcels[0].id}`)).status).toBe(200);
    const response = await inspector.patch(`/api/v1/parcels/${s.alice.parcels[0].id}`, { address: 'x' });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('forbidden');
  });

  it('oversight sees every district; a citizen cannot use the staff search', async () => {
    const s = await scene();
    const oversight = await s.staff(['oversight'], null);
    expect((await oversight.get(`/api/v1/parcels/${s.bob.parcels[0].id}`)).status).toBe(200);
    const alice = await signInCitizen(t, {
      municipality: s.municipality.code,
      nationalId: s.alice.nationalId,
      mobile: s.alice.mobile,
    });
    expect((await alice.get('/api/v1/parcels')).status).toBe(403);
    expect((await alice.patch(`/api/v1/parcels/${s.alice.parcels[0].id}`, { address: 'x' })).status).toBe(
      403,
    );
  });

  it('records a correction in the audit log with the old and new values', async () => {
    const s = await scene();
    const clerk = await s.staff(['clerk'], s.district1.id);
    await clerk.patch(`/api/v1/parcels/${s.alice.parcels[0].id}`, { address: 'خیابان تازه' });
    const row = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('municipality_id', '=', s.municipality.id)
      .where('action', '=', 'parcel.details_corrected')
      .executeTakeFirstOrThrow();
    expect(row.entity_id).toBe(s.alice.parcels[0].id);
    expect(row.details).toMatchObject({
      before: { address: s.alice.parcels[0].address },
      after: { address: 'خیابان تازه' },
    });
  });

  it('rejects a malformed parcel id with a 400 naming the field', async () => {
    const s = await scene();
    const clerk = await s.staff(['clerk'], s.district1.id);
    const response = await clerk.get('/api/v1/parcels/not-a-uuid');
    expect(response.status).toBe(400);
    expect(response.body.error.details.fields).toEqual([{ field: 'id', rule: 'format' }]);
  });
});
