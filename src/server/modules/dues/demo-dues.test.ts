import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { seedDemoCity } from '../demo-city/seed-demo-city.js';
import { checkLedger } from './ledger/check-ledger.js';
import { assessParcel } from './rules/assess.js';
import type { DuesTariff } from './rules/tariff.js';

// The demo city (zones from its GIS layers, every land use, parcels without piped water in district 4) assessed by
// the set-based SQL, compared parcel by parcel with the reference arithmetic of rules/assess.ts.
describe('the demo city’s renewal dues', () => {
  let h: DatabaseHandle;
  let municipalityId: string;

  beforeAll(async () => {
    h = await openDatabase({});
    await migrate(h.pool);
    ({ municipalityId } = await seedDemoCity(h.db, { parcels: 600 }));
  }, 180_000);
  afterAll(() => h?.close());

  it('bills every parcel once a year, exactly as the reference formula says', async () => {
    const rows = await h.db
      .selectFrom('bills')
      .innerJoin('parcels', 'parcels.id', 'bills.parcel_id')
      .innerJoin('districts', 'districts.id', 'parcels.district_id')
      .innerJoin('dues_tariffs', 'dues_tariffs.id', 'bills.tariff_id')
      .select([
        'bills.id',
        'bills.dues_year',
        'bills.zone_code',
        'bills.principal_rials',
        'bills.land_value_rials',
        'bills.building_value_rials',
        'bills.adjustment_codes',
        'bills.exemption_code',
        'parcels.id as parcel_id',
        'parcels.land_use',
        'parcels.land_area_m2',
        'parcels.built_area_m2',
        'districts.number as district_number',
        'dues_tariffs.tariff',
      ])
      .where('bills.municipality_id', '=', municipalityId)
      .execute();
    expect(rows).toHaveLength(2 * 600);
    const flags = await h.db.selectFrom('dues_parcel_flags').select(['parcel_id', 'flag']).execute();
    expect(flags.length).toBeGreaterThan(0);
    const zones = await h.db.selectFrom('parcel_zones').select(['parcel_id', 'zone_code']).execute();
    const zoneOf = new Map(zones.map((z) => [z.parcel_id, z.zone_code]));
    const seen = { adjusted: 0, exempt: 0, zoned: 0 };
    for (const row of rows) {
      const expected = assessParcel(row.tariff as DuesTariff, {
        landUse: row.land_use,
        zoneCode: zoneOf.get(row.parcel_id) ?? null,
        districtNumber: row.district_number,
        landAreaM2: row.land_area_m2,
        builtAreaM2: row.built_area_m2,
        flags: flags.filter((f) => f.parcel_id === row.parcel_id).map((f) => f.flag),
      });
      expect({
        zone: row.zone_code,
        land: BigInt(row.land_value_rials),
        building: BigInt(row.building_value_rials),
        principal: BigInt(row.principal_rials),
        adjustments: row.adjustment_codes ?? [],
        exemption: row.exemption_code,
      }).toEqual({
        zone: expected.zoneCode,
        land: expected.landValueRials,
        building: expected.buildingValueRials,
        principal: expected.principalRials,
        adjustments: expected.adjustmentCodes,
        exemption: expected.exemptionCode,
      });
      if (expected.adjustmentCodes.length > 0) seen.adjusted++;
      if (expected.exemptionCode) seen.exempt++;
      if (expected.zoneCode) seen.zoned++;
    }
    // The comparison covered adjustments, exemptions and zoned parcels, not only the plain case.
    expect(seen.adjusted).toBeGreaterThan(10);
    expect(seen.exempt).toBeGreaterThan(2);
    expect(seen.zoned).toBeGreaterThan(500);
    expect((await checkLedger(h.db, municipalityId)).problems).toEqual([]);
  });
});
