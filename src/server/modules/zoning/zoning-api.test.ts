import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../../../test/client.js';
import { buildStaff } from '../../../../test/factories.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { signInCitizen, signInStaff } from '../../../../test/sign-in.js';
import { DEMO_CITIZENS } from '../demo-city/demo-accounts.js';
import { seedDemoCity } from '../demo-city/seed-demo-city.js';

let t: TestApp;
let code: string;
let municipalityId: string;
const q = () => `municipality=${code}`;

beforeAll(async () => {
  t = await startTestApp();
  code = `zoning-${randomUUID().slice(0, 8)}`;
  ({ municipalityId } = await seedDemoCity(t.database.db, { parcels: 400, municipalityCode: code }));
});
afterAll(() => t.close());

async function demoParcel(renewalCode: string) {
  const response = await new TestClient(t.app).get(`/api/v1/parcels/${renewalCode}/zoning?${q()}`);
  expect(response.status).toBe(200);
  return response.body;
}

describe('"what may I build here?" for the public', () => {
  it('answers a parcel by renewal code with zone, rule, limits, rule version and fee formula, without owners', async () => {
    const client = new TestClient(t.app);
    client.language = 'fa';
    const response = await client.get(`/api/v1/parcels/01-0001-003/zoning?${q()}`);
    expect(response.status).toBe(200);
    const zoning = response.body;
    expect(zoning.zone).toMatchObject({ layerVersion: 1, share: 1 });
    expect(zoning.rule.zoneCode).toBe(zoning.zone.code);
    expect(zoning.ruleSet).toMatchObject({ effectiveFrom: '2025-03-21', effectiveFromJalali: '1404-01-01' });
    const lot = zoning.parcel.landAreaM2;
    expect(zoning.limits.maxTotalFloorAreaM2).toBeCloseTo((lot * zoning.rule.maxDensityPct) / 100, 2);
    expect(zoning.fees.totalRials).toBe(
      zoning.fees.lines.reduce((sum: number, line: { amountRials: number }) => sum + line.amountRials, 0),
    );
    expect(Number.isSafeInteger(zoning.fees.totalRials)).toBe(true);
    expect(zoning.conditions.join(' ')).toMatch(/[۰-۹]/);
    expect(JSON.stringify(zoning)).not.toMatch(/owner|nationalId|mobile/);
  });

  it('finds the same parcel by id, by renewal code in Persian digits and by the search endpoint', async () => {
    const byCode = await demoParcel('01-0001-003');
    const client = new TestClient(t.app);
    const byId = await client.get(`/api/v1/parcels/${byCode.parcel.id}/zoning?${q()}`);
    expect(byId.body.parcel.renewalCode).toBe('01-0001-003');
    const persian = await client.get(`/api/v1/parcels/${encodeURIComponent('۰۱-۰۰۰۱-۰۰۳')}/zoning?${q()}`);
    expect(persian.body.parcel.id).toBe(byCode.parcel.id);
    const found = await client.get(
      `/api/v1/zoning/parcels?${q()}&renewalCode=${encodeURIComponent('۰۱-۰۰۰۱-۰۰۳')}`,
    );
    expect(found.body.parcels.map((p: { id: string }) => p.id)).toEqual([byCode.parcel.id]);
    const plate = byCode.parcel.plate;
    const byPlate = await client.get(
      `/api/v1/zoning/parcels?${q()}&registrationSection=${plate.registrationSection}&mainPlate=${plate.mainPlate}&subPlate=${plate.subPlates[0]}`,
    );
    expect(byPlate.body.parcels.map((p: { id: string }) => p.id)).toContain(byCode.parcel.id);
    expect((await client.get(`/api/v1/parcels/99-9999-999/zoning?${q()}`)).status).toBe(404);
  });

  it('uses the rule version in force on the date asked for', async () => {
    const residential = await t.database.db
      .selectFrom('parcel_zones')
      .innerJoin('parcels', 'parcels.id', 'parcel_zones.parcel_id')
      .select('parcels.renewal_code')
      .where('parcels.municipality_id', '=', municipalityId)
      .where('parcel_zones.zone_code', 'like', 'R%')
      .where('parcels.land_area_m2', '>', '200')
      .executeTakeFirstOrThrow();
    const today = await demoParcel(residential.renewal_code);
    const client = new TestClient(t.app);
    const old = await client.get(`/api/v1/parcels/${residential.renewal_code}/zoning?${q()}&date=2024-06-01`);
    expect(old.body.ruleSet.effectiveFrom).toBe('2023-03-21');
    expect(old.body.rule.id).not.toBe(today.rule.id);
    expect(old.body.rule.maxDensityPct).toBeLessThan(today.rule.maxDensityPct);
    const dayBefore = await client.get(
      `/api/v1/parcels/${residential.renewal_code}/zoning?${q()}&date=2025-03-20`,
    );
    expect(dayBefore.body.ruleSet.effectiveFrom).toBe('2023-03-21');
    const onTheDay = await client.get(
      `/api/v1/parcels/${residential.renewal_code}/zoning?${q()}&date=2025-03-21`,
    );
    expect(onTheDay.body.ruleSet.effectiveFrom).toBe('2025-03-21');
    const before = await client.get(
      `/api/v1/parcels/${residential.renewal_code}/zoning?${q()}&date=2020-01-01`,
    );
    expect(before.body.ruleSet).toBeNull();
    expect(before.body.rule).toBeNull();
  });

  it('reports the overlays touching a parcel with the share they take', async () => {
    const rows = await t.database.db
      .selectFrom('parcel_overlays')
      .innerJoin('overlays', 'overlays.id', 'parcel_overlays.overlay_id')
      .innerJoin('parcels', 'parcels.id', 'parcel_overlays.parcel_id')
      .select(['parcels.renewal_code', 'parcel_overlays.share'])
      .where('parcels.municipality_id', '=', municipalityId)
      .where('overlays.overlay_type', '=', 'street_widening')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    const zoning = await demoParcel(rows[0].renewal_code);
    const widening = zoning.overlays.find((o: { type: string }) => o.type === 'street_widening');
    expect(widening.share).toBeCloseTo(Number(rows[0].share), 4);
    expect(widening.share).toBeGreaterThan(0.05);
    expect(widening.share).toBeLessThan(0.5);
  });

  it('looks up a point: on a parcel it gives the parcel; in a street it gives the zone and its whole table', async () => {
    const zoning = await demoParcel('01-0001-003');
    const client = new TestClient(t.app);
    const onParcel = await client.get(
      `/api/v1/zoning/lookup?${q()}&lat=${zoning.parcel.centroid.lat}&lng=${zoning.parcel.centroid.lng}`,
    );
    expect(onParcel.body.parcel.parcel.id).toBe(zoning.parcel.id);
    expect(onParcel.body.zone.code).toBe(zoning.zone.code);
    const inStreet = await client.get(`/api/v1/zoning/lookup?${q()}&lat=35.745&lng=51.16`);
    expect(inStreet.body.parcel).toBeNull();
    expect(inStreet.body.zone).not.toBeNull();
    expect(inStreet.body.zoneRules.length).toBeGreaterThan(0);
    const faraway = await client.get(`/api/v1/zoning/lookup?${q()}&lat=30&lng=50`);
    expect(faraway.body).toMatchObject({ zone: null, parcel: null, zoneRules: [] });
    const bad = await client.get(`/api/v1/zoning/lookup?${q()}&lat=95&lng=50`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields).toEqual([{ field: 'lat', rule: 'maximum' }]);
  });

  it('sends the map only what is in view: parcels when zoomed in, a count when zoomed out', async () => {
    const client = new TestClient(t.app);
    const extent = (await client.get(`/api/v1/map/extent?${q()}`)).body;
    const whole = await client.get(`/api/v1/map/features?${q()}&bbox=${extent.bbox.join(',')}&zoom=12`);
    expect(whole.body.zones.features.length).toBeGreaterThan(0);
    expect(whole.body.parcelsInView).toBe(400);
    const c = extent.center;
    const near = await client.get(
      `/api/v1/map/features?${q()}&bbox=${c.lng - 0.001},${c.lat - 0.001},${c.lng + 0.001},${c.lat + 0.001}&zoom=18`,
    );
    expect(near.body.parcels.features.length).toBeGreaterThan(0);
    expect(near.body.parcels.features.length).toBeLessThan(400);
    expect(near.body.parcels.features[0].properties).toHaveProperty('renewalCode');
    const inverted = await client.get(`/api/v1/map/features?${q()}&bbox=51.2,35.7,51.1,35.8&zoom=12`);
    expect(inverted.status).toBe(400);
  });
});

describe('checking a proposed building', () => {
  it('lets the owner check a building; a stranger gets 404; each rule says its numbers', async () => {
    const owner = DEMO_CITIZENS[0];
    const mine = await t.database.db
      .selectFrom('parcels')
      .innerJoin('ownerships', 'ownerships.parcel_id', 'parcels.id')
      .innerJoin('owners', 'owners.id', 'ownerships.owner_id')
      .select(['parcels.id', 'parcels.renewal_code'])
      .where('owners.national_id', '=', owner.nationalId)
      .where('parcels.municipality_id', '=', municipalityId)
      .executeTakeFirstOrThrow();
    const zoning = await demoParcel(mine.renewal_code);
    const citizen = await signInCitizen(t, {
      municipality: code,
      nationalId: owner.nationalId,
      mobile: owner.mobile,
    });
    const allowedFloors = Math.max(1, Math.floor(zoning.rule.maxFloors ?? 2));
    const perFloor = Math.floor((zoning.limits.maxTotalFloorAreaM2 / allowedFloors) * 0.9);
    const fits = await citizen.post(`/api/v1/parcels/${mine.id}/building-check`, {
      floors: allowedFloors,
      floorAreaM2: Math.min(perFloor, Math.floor(zoning.limits.maxFootprintM2)),
      units: 1,
      use: zoning.rule.allowedUses?.[0] ?? 'residential',
    });
    expect(fits.status).toBe(200);
    const density = fits.body.checks.find((c: { rule: string }) => c.rule === 'density');
    expect(density.passed).toBe(true);
    const tooBig = await citizen.post(`/api/v1/parcels/${mine.id}/building-check`, {
      floors: allowedFloors + 3,
      floorAreaM2: Math.floor(zoning.limits.maxFootprintM2) + 50,
      units: 2,
      use: 'residential',
    });
    expect(tooBig.body.ok).toBe(false);
    const failed = tooBig.body.checks
      .filter((c: { passed: boolean }) => !c.passed)
      .map((c: { rule: string }) => c.rule);
    expect(failed).toEqual(expect.arrayContaining(['density', 'coverage', 'floors']));
    expect(tooBig.body.excessDensity.areaM2).toBeGreaterThan(0);

    const strangerNationalId = DEMO_CITIZENS[2];
    const stranger = await signInCitizen(t, {
      municipality: code,
      nationalId: strangerNationalId.nationalId,
      mobile: strangerNationalId.mobile,
    });
    const strangers = await stranger.post(`/api/v1/parcels/${mine.id}/building-check`, {
      floors: 1,
      floorAreaM2: 50,
      units: 1,
      use: 'residential',
    });
    expect(strangers.status).toBe(404);
    const anonymous = await new TestClient(t.app).post(`/api/v1/parcels/${mine.id}/building-check`, {
      floors: 1,
      floorAreaM2: 50,
      units: 1,
      use: 'residential',
    });
    expect(anonymous.status).toBe(401);
  });

  it('lets staff of the parcel district check it, refuses other districts, and names a missing field', async () => {
    const parcel = await t.database.db
      .selectFrom('parcels')
      .innerJoin('districts', 'districts.id', 'parcels.district_id')
      .select(['parcels.id', 'districts.id as district_id', 'districts.number'])
      .where('parcels.municipality_id', '=', municipalityId)
      .where('districts.number', '=', 1)
      .executeTakeFirstOrThrow();
    const other = await t.database.db
      .selectFrom('districts')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('number', '=', 2)
      .executeTakeFirstOrThrow();
    const mine = await buildStaff(t.database.db, {
      municipalityId,
      roles: ['expert'],
      districtId: parcel.district_id,
    });
    const theirs = await buildStaff(t.database.db, {
      municipalityId,
      roles: ['expert'],
      districtId: other.id,
    });
    const expert = await signInStaff(t, {
      municipality: code,
      username: mine.username,
      password: mine.password,
    });
    const outsider = await signInStaff(t, {
      municipality: code,
      username: theirs.username,
      password: theirs.password,
    });
    const body = { floors: 2, floorAreaM2: 100, units: 2, use: 'residential' };
    expect((await expert.post(`/api/v1/parcels/${parcel.id}/building-check`, body)).status).toBe(200);
    expect((await outsider.post(`/api/v1/parcels/${parcel.id}/building-check`, body)).status).toBe(404);
    const missing = await expert.post(`/api/v1/parcels/${parcel.id}/building-check`, {
      floors: 2,
      units: 2,
      use: 'residential',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.fields).toEqual([{ field: 'floorAreaM2', rule: 'required' }]);
  });
});
