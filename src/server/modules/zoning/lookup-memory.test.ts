import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../../../test/client.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { representativePoint } from '../../gis/measure.js';
import type { Feature, PolygonalGeometry } from '../../gis/types.js';
import type { Locale } from '../../i18n/messages.js';
import { systemActor } from '../audit/actor.js';
import { seedDemoCity } from '../demo-city/seed-demo-city.js';
import { openLayerSource } from './feature-source.js';
import { importParcelsLayer } from './import-parcels.js';
import { parcelZoningFromMemory } from './lookup-point.js';
import { describeParcelZoning } from './parcel-zoning.js';
import { findPublicParcel } from './parcel-zoning-repository.js';
import { PointLookup } from './schema.js';
import { zoningContext } from './zoning-context.js';
import { ZoningIndexRegistry } from './zoning-index.js';

let t: TestApp;
let tmp: string;
let code: string;
let municipalityId: string;

beforeAll(async () => {
  t = await startTestApp();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shahrvand-lookup-'));
  code = `memory-${Math.random().toString(36).slice(2, 10)}`;
  ({ municipalityId } = await seedDemoCity(t.database.db, { parcels: 400, municipalityCode: code }));
});
afterAll(() => t.close());

const box = (lng: number, lat: number, size: number): PolygonalGeometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [lng, lat],
      [lng + size, lat],
      [lng + size, lat + size],
      [lng, lat + size],
      [lng, lat],
    ],
  ],
});

async function importParcels(features: Feature[]) {
  const file = path.join(tmp, `parcels-${Date.now()}-${Math.random()}.geojson`);
  fs.writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
  const source = await openLayerSource(file, {});
  return importParcelsLayer({
    db: t.database.db,
    municipalityId,
    features: source.features(),
    crs: source.crs,
    file,
    layerName: path.basename(file),
    actor: systemActor(municipalityId),
    at: new Date(),
  });
}

/** The database's answer for a parcel, less the address that the in-memory facts leave out. */
async function fromDatabase(parcelId: string, date: string, locale: Locale) {
  const row = await findPublicParcel(t.database.db, municipalityId, { id: parcelId });
  if (!row) throw new Error(`no parcel ${parcelId}`);
  const zoning = await describeParcelZoning({ db: t.database.db, municipalityId, parcel: row, date, locale });
  const { address: _address, ...parcel } = zoning.parcel;
  return { ...zoning, parcel };
}

/** What a point lookup keeps of a parcel's full zoning: all but the address and the explanations in words. */
function lookupPart(zoning: { parcel: object; conditions: unknown; fees: unknown }) {
  const { address: _address, ...parcel } = zoning.parcel as Record<string, unknown>;
  const { conditions: _conditions, ...rest } = zoning;
  const fees = zoning.fees as { lines: { formula: string }[] } | null;
  return {
    ...rest,
    parcel,
    fees: fees && { ...fees, lines: fees.lines.map(({ formula: _formula, ...line }) => line) },
  };
}

/** A demo parcel's registry attributes as a parcel layer would carry them. */
async function demoParcelFeature(renewalCode: string, changes: Record<string, unknown>): Promise<Feature> {
  const row = await t.database.db
    .selectFrom('parcels')
    .innerJoin('districts', 'districts.id', 'parcels.district_id')
    .select([
      'parcels.geometry',
      'parcels.registration_section',
      'parcels.main_plate',
      'parcels.sub_plates',
      'parcels.land_use',
      'parcels.street_width_m',
      'districts.number',
    ])
    .where('parcels.municipality_id', '=', municipalityId)
    .where('parcels.renewal_code', '=', renewalCode)
    .executeTakeFirstOrThrow();
  const properties: Record<string, unknown> = {
    renewal_code: renewalCode,
    district: row.number,
    registration_section: row.registration_section,
    main_plate: row.main_plate,
    sub_plate: row.sub_plates.join(','),
    land_use: row.land_use,
    street_width_m: row.street_width_m,
    ...changes,
  };
  for (const key of Object.keys(properties)) if (properties[key] === undefined) delete properties[key];
  return { type: 'Feature', properties, geometry: row.geometry as PolygonalGeometry };
}

describe('the point lookup answered from memory', () => {
  it('gives every parcel the same zoning as the database path, in every language and on every rule version', async () => {
    const db = t.database.db;
    const overlaid = await db
      .selectFrom('parcel_overlays')
      .innerJoin('parcels', 'parcels.id', 'parcel_overlays.parcel_id')
      .select('parcels.renewal_code')
      .where('parcels.municipality_id', '=', municipalityId)
      .executeTakeFirstOrThrow();
    const extent = await new TestClient(t.app).get(`/api/v1/map/extent?municipality=${code}`);
    const [, , maxLng, maxLat] = extent.body.bbox as number[];
    // Three demo parcels lose their street width (one of them under an overlay); a parcel far outside every zone
    // with several sub-plates; a lot of 2 × 2 m, below every zone's minimum lot.
    const report = await importParcels([
      await demoParcelFeature(overlaid.renewal_code, { street_width_m: undefined }),
      await demoParcelFeature('01-0001-004', { street_width_m: undefined }),
      await demoParcelFeature('02-0001-002', { street_width_m: undefined, land_use: 'commercial' }),
      {
        type: 'Feature',
        properties: {
          renewal_code: 'FAR-1',
          district: 1,
          registration_section: 9,
          main_plate: 77,
          sub_plate: '3,5',
          land_use: 'office',
          street_width_m: 16,
        },
        geometry: box(maxLng + 0.05, maxLat + 0.05, 0.0002),
      },
      {
        type: 'Feature',
        properties: {
          renewal_code: 'TINY-1',
          district: 2,
          registration_section: 9,
          main_plate: 78,
          sub_plate: '1',
          land_use: 'residential',
        },
        geometry: box(51.16, 35.745, 0.00002),
      },
    ]);
    expect(report.features).toBe(5);
    await db.updateTable('parcels').set({ unit_no: 4 }).where('renewal_code', '=', 'FAR-1').execute();

    const indexes = await new ZoningIndexRegistry(db).get(municipalityId);
    expect(indexes.facts.size).toBe(402);
    const seen = { overlays: 0, noStreet: 0, noZone: 0, noRule: 0, fees: 0, unit: 0, streetFallback: 0 };
    const cases: [string, Locale, number[]][] = [
      ['2026-06-01', 'fa', [...Array(indexes.facts.size).keys()]],
      ['2026-06-01', 'en', [...Array(indexes.facts.size).keys()].filter((i) => i % 7 === 0)],
      ['2024-06-01', 'vi', [...Array(indexes.facts.size).keys()].filter((i) => i % 11 === 0)],
      ['2020-01-01', 'fa', [...Array(indexes.facts.size).keys()].filter((i) => i % 13 === 0)],
    ];
    for (const [date, locale, positions] of cases) {
      const context = await zoningContext(db, municipalityId, date, locale);
      for (const position of positions) {
        const memory = parcelZoningFromMemory(indexes, position, context);
        const database = await fromDatabase(indexes.facts.id(position), date, locale);
        expect(memory).toEqual(database);
        // The lookup's own form (no explanations in words) has the same numbers.
        const numbers = parcelZoningFromMemory(indexes, position, context, { inWords: false });
        expect(lookupPart(numbers)).toEqual(lookupPart(database));
        seen.overlays += memory.overlays.length > 0 ? 1 : 0;
        seen.noStreet += memory.parcel.streetWidthM === null ? 1 : 0;
        seen.noZone += memory.zone === null ? 1 : 0;
        seen.noRule += memory.noRuleReason !== null ? 1 : 0;
        seen.fees += memory.fees !== null ? 1 : 0;
        seen.unit += memory.parcel.plate.unitNo !== null ? 1 : 0;
        seen.streetFallback += memory.streetFallback !== null ? 1 : 0;
      }
    }
    // The comparison covered every kind of parcel, not only the plain ones.
    expect(seen.overlays).toBeGreaterThan(5);
    expect(seen.noStreet).toBeGreaterThanOrEqual(3);
    expect(seen.noZone).toBeGreaterThanOrEqual(1);
    expect(seen.noRule).toBeGreaterThanOrEqual(1);
    expect(seen.fees).toBeGreaterThan(100);
    expect(seen.unit).toBeGreaterThanOrEqual(1);
    expect(seen.streetFallback).toBeGreaterThanOrEqual(1);
  });

  it('answers over HTTP with exactly the schema, and the parcel part of GET /parcels/{id}/zoning', async () => {
    // The server built its indexes for the map extent above, before the imports: it sees them at its next check.
    const indexes = await t.app.zoningIndexes.refresh(municipalityId);
    const client = new TestClient(t.app);
    let compared = 0;
    for (let position = 0; position < indexes.facts.size; position += 9) {
      const row = await t.database.db
        .selectFrom('parcels')
        .select(['id', 'geometry'])
        .where('id', '=', indexes.facts.id(position))
        .executeTakeFirstOrThrow();
      const [lng, lat] = representativePoint(row.geometry as PolygonalGeometry);
      // Languages and rule versions in turn: today's rules, the 1402 ones, and a date before any rule set.
      const lang = ['fa', 'en', 'vi'][position % 3];
      const date = ['2026-06-01', '2024-06-01', '2020-01-01'][position % 4] ?? '2026-06-01';
      const query = `municipality=${code}&lang=${lang}&date=${date}`;
      const lookup = await client.get(`/api/v1/zoning/lookup?${query}&lat=${lat}&lng=${lng}`);
      expect(lookup.status).toBe(200);
      expect(lookup.headers['content-type']).toBe('application/json; charset=utf-8');
      // Every field the schema has, of its type, and nothing it does not have.
      expect(Value.Check(PointLookup, lookup.body)).toBe(true);
      expect(Value.Clean(PointLookup, structuredClone(lookup.body))).toEqual(lookup.body);
      if (lookup.body.parcel?.parcel.id !== row.id) continue; // another parcel shares that point
      const direct = await client.get(`/api/v1/parcels/${row.id}/zoning?${query}`);
      expect(lookup.body.parcel).toEqual(lookupPart(direct.body));
      compared++;
    }
    expect(compared).toBeGreaterThan(30);
    // A point in a zone but on no parcel (a street): the answer carries the zone's whole table.
    const [minLng, minLat, maxLng, maxLat] = indexes.extent as number[];
    let street: [number, number] | null = null;
    for (let k = 1; !street && k < 10_000; k++) {
      const lng = minLng + ((k * 0.618034) % 1) * (maxLng - minLng);
      const lat = minLat + ((k * 0.414214) % 1) * (maxLat - minLat);
      const onParcel = indexes.parcels.pointQuery(lng, lat).length > 0;
      if (!onParcel && indexes.zones.pointQuery(lng, lat).length > 0) street = [lng, lat];
    }
    if (!street) throw new Error('no street point found');
    const offParcels = await client.get(
      `/api/v1/zoning/lookup?municipality=${code}&lat=${street[1]}&lng=${street[0]}&lang=en`,
    );
    expect(offParcels.body.parcel).toBeNull();
    expect(offParcels.body.zoneRules.length).toBeGreaterThan(0);
    expect(Value.Clean(PointLookup, structuredClone(offParcels.body))).toEqual(offParcels.body);
  });

  it('follows a parcel re-imported with new attributes and shape, and forgets the overlays it left', async () => {
    const db = t.database.db;
    const registry = new ZoningIndexRegistry(db);
    const hit = await db
      .selectFrom('parcel_overlays')
      .innerJoin('parcels', 'parcels.id', 'parcel_overlays.parcel_id')
      .select(['parcels.id', 'parcels.renewal_code'])
      .where('parcels.municipality_id', '=', municipalityId)
      .where('parcels.street_width_m', 'is not', null)
      .executeTakeFirstOrThrow();
    const before = await registry.get(municipalityId);
    const position = [...Array(before.facts.size).keys()].find(
      (i) => before.facts.id(i) === hit.id,
    ) as number;
    const today = await zoningContext(db, municipalityId, '2026-06-01', 'fa');
    expect(parcelZoningFromMemory(before, position, today).overlays.length).toBeGreaterThan(0);

    // The same parcel, surveyed again far from every overlay, on a wider street, now commercial.
    const moved = await demoParcelFeature(hit.renewal_code, { street_width_m: 30, land_use: 'commercial' });
    moved.geometry = box(51.0, 35.5, 0.0002);
    await importParcels([moved]);
    const after = await registry.refresh(municipalityId);
    expect(after).not.toBe(before);
    const moves = [...Array(after.facts.size).keys()].find((i) => after.facts.id(i) === hit.id) as number;
    const memory = parcelZoningFromMemory(after, moves, today);
    expect(memory.parcel).toMatchObject({ streetWidthM: 30, landUse: 'commercial' });
    expect(memory.overlays).toEqual([]);
    expect(memory).toEqual(await fromDatabase(hit.id, '2026-06-01', 'fa'));
    const rows = await db
      .selectFrom('parcel_overlays')
      .select('overlay_id')
      .where('parcel_id', '=', hit.id)
      .execute();
    expect(rows).toEqual([]);
    // Nothing changed since: the next check keeps the indexes it has.
    expect(await registry.refresh(municipalityId)).toBe(after);
  });

  it('leaves fresh planner statistics behind an import', async () => {
    const { rows } = await t.database.pool.query<{ now: Date }>('SELECT now() AS now');
    const started = rows[0].now;
    await importParcels([await demoParcelFeature('01-0001-005', { street_width_m: 14 })]);
    const stats = await t.database.pool.query<{ relname: string; last_analyze: Date | null }>(
      `SELECT relname, last_analyze FROM pg_stat_user_tables
        WHERE relname IN ('parcels', 'parcel_zones', 'parcel_overlays') ORDER BY relname`,
    );
    expect(stats.rows.map((row) => row.relname)).toEqual(['parcel_overlays', 'parcel_zones', 'parcels']);
    for (const row of stats.rows)
      expect(row.last_analyze?.getTime()).toBeGreaterThanOrEqual(started.getTime());
  });
});
