import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { verifyPassword } from '../accounts/passwords.js';
import { sha256Hex } from '../accounts/tokens.js';
import { DEMO_API_CLIENTS, DEMO_CITIZENS, DEMO_OFFICES, DEMO_PASSWORD, DEMO_STAFF } from './demo-accounts.js';
import { planDemoCity } from './generate.js';
import { hasAnyMunicipality, type SeedDemoCityResult, seedDemoCity } from './seed-demo-city.js';

describe('seedDemoCity on PGlite', () => {
  let h: DatabaseHandle;
  let result: SeedDemoCityResult;
  const progress: Array<[number, number]> = [];

  beforeAll(async () => {
    h = await openDatabase({});
    await migrate(h.pool);
    expect(await hasAnyMunicipality(h.db)).toBe(false);
    result = await seedDemoCity(h.db, {
      parcels: 300,
      onProgress: (done, total) => progress.push([done, total]),
    });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  const count = async (
    table: 'parcels' | 'owners' | 'ownerships' | 'districts' | 'users' | 'offices' | 'api_clients',
  ) => {
    const row = await h.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('municipality_id', '=', result.municipalityId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  it('inserts the city, its accounts and its parcels', async () => {
    expect(await hasAnyMunicipality(h.db)).toBe(true);
    expect(result.municipalityId).toBe(planDemoCity({ parcels: 300 }).municipality.id);
    expect(result.parcels).toBe(300);
    expect(await count('parcels')).toBe(300);
    expect(await count('owners')).toBe(result.owners);
    expect(await count('ownerships')).toBeGreaterThan(300);
    expect(await count('districts')).toBe(4);
    expect(await count('offices')).toBe(DEMO_OFFICES.length);
    expect(await count('api_clients')).toBe(3);
    expect(await count('users')).toBe(DEMO_CITIZENS.length + DEMO_STAFF.length + DEMO_OFFICES.length);
    expect(progress.at(-1)).toEqual([300, 300]);
  });

  it('stores the rows the generator makes', async () => {
    const first = planDemoCity({ parcels: 300 }).parcels().next().value!.parcel;
    const stored = await h.db
      .selectFrom('parcels')
      .selectAll()
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(stored.renewal_code).toBe(first.renewal_code);
    expect(Number(stored.land_area_m2)).toBe(first.land_area_m2);
    expect(stored.sub_plates).toEqual(first.sub_plates);
    expect(stored.geometry).toEqual(first.geometry);
  });

  it("finds a demo citizen's parcels through ownerships", async () => {
    const citizen = DEMO_CITIZENS[0];
    const user = await h.db
      .selectFrom('users')
      .selectAll()
      .where('municipality_id', '=', result.municipalityId)
      .where('kind', '=', 'citizen')
      .where('national_id', '=', citizen.nationalId)
      .executeTakeFirstOrThrow();
    expect(user.mobile).toBe(citizen.mobile);
    const parcels = await h.db
      .selectFrom('ownerships')
      .innerJoin('owners', 'owners.id', 'ownerships.owner_id')
      .innerJoin('parcels', 'parcels.id', 'ownerships.parcel_id')
      .select(['parcels.renewal_code', 'ownerships.share_num', 'ownerships.share_den'])
      .where('owners.municipality_id', '=', result.municipalityId)
      .where('owners.national_id', '=', user.national_id!)
      .execute();
    expect(parcels).toHaveLength(citizen.parcels.length);
    expect(parcels.every((row) => row.share_num === 6 && row.share_den === 6)).toBe(true);
  });

  it('gives staff and operators the demo password and API clients their hashed secrets', async () => {
    const manager = await h.db
      .selectFrom('users')
      .selectAll()
      .where('municipality_id', '=', result.municipalityId)
      .where('username', '=', 'd2.manager')
      .executeTakeFirstOrThrow();
    expect(manager.roles).toEqual(['district_manager']);
    expect(manager.district_id).not.toBeNull();
    expect(await verifyPassword(manager.password_hash, DEMO_PASSWORD)).toBe(true);
    const operator = await h.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'notary12')
      .executeTakeFirstOrThrow();
    expect(operator.kind).toBe('office_operator');
    expect(operator.password_hash).toBe(manager.password_hash);
    const bank = await h.db
      .selectFrom('api_clients')
      .selectAll()
      .where('client_id', '=', 'demo-bank')
      .executeTakeFirstOrThrow();
    expect(bank.secret_hash).toBe(`sha256:${sha256Hex(DEMO_API_CLIENTS[0].secret)}`);
    expect(bank.scopes).toEqual(['inquiries']);
  });

  it('records the seeding and the zoning layers it imported in the audit log', async () => {
    const events = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('municipality_id', '=', result.municipalityId)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'gis.zones_imported',
      'gis.overlays_imported',
      'dues.tariff_set',
      'dues.tariff_set',
      'dues.amnesty_added',
      'dues.assessment_started',
      'dues.assessment_finished',
      'dues.assessment_started',
      'dues.assessment_finished',
      'demo_city.inquiry_records_seeded',
      'demo_city.seeded',
    ]);
    expect(events.at(-1)?.details).toEqual({ parcels: 300, seed: 1405 });
  });

  it('gives the demo city its inquiry settings and, per district, open and closed violations and Article 100 cases', async () => {
    const settings = await h.db
      .selectFrom('inquiry_settings')
      .selectAll()
      .where('municipality_id', '=', result.municipalityId)
      .execute();
    expect(settings).toMatchObject([{ response_validity_months: 2, completion_months: 6 }]);
    const districts = await h.db
      .selectFrom('districts')
      .select('id')
      .where('municipality_id', '=', result.municipalityId)
      .execute();
    const records = await h.db
      .selectFrom('parcel_violations')
      .select(['kind', 'closed_on', 'district_id'])
      .where('municipality_id', '=', result.municipalityId)
      .execute();
    for (const district of districts) {
      const mine = records.filter((r) => r.district_id === district.id);
      expect(mine.filter((r) => r.kind === 'building_violation' && r.closed_on === null)).toHaveLength(1);
      expect(mine.filter((r) => r.kind === 'building_violation' && r.closed_on !== null)).toHaveLength(1);
      expect(mine.filter((r) => r.kind === 'article_100' && r.closed_on === null)).toHaveLength(1);
      expect(mine.filter((r) => r.kind === 'article_100' && r.closed_on !== null)).toHaveLength(1);
    }
  });

  it('zones every parcel of the demo city', async () => {
    const zoned = await h.db
      .selectFrom('parcel_zones')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('municipality_id', '=', result.municipalityId)
      .executeTakeFirstOrThrow();
    expect(Number(zoned.count)).toBe(300);
  });

  it('refuses a second city with the same code', async () => {
    await expect(seedDemoCity(h.db, { parcels: 10 })).rejects.toThrow(/"demo" already exists/);
    expect(await count('parcels')).toBe(300);
  });
});
