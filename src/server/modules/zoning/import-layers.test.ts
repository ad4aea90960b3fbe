import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../../../test/client.js';
import { buildMunicipality } from '../../../../test/factories.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { reprojectGeometry } from '../../gis/reproject.js';
import { writeShapefile } from '../../gis/shapefile-fixture.js';
import type { Feature, PolygonalGeometry } from '../../gis/types.js';
import { systemActor } from '../audit/actor.js';
import { openLayerSource } from './feature-source.js';
import { importDistrictsLayer } from './import-districts.js';
import { importOverlaysLayer } from './import-overlays.js';
import { importParcelsLayer } from './import-parcels.js';
import { ImportRejected } from './import-report.js';
import { importZonesLayer } from './import-zones.js';

const FIXTURES = 'test/fixtures/gis';
const TEHRAN = `${FIXTURES}/tehran/tehran_22_districts.geojson`;
let t: TestApp;
let tmp: string;

beforeAll(async () => {
  t = await startTestApp();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shahrvand-import-'));
});
afterAll(() => t.close());

function writeGeoJson(name: string, features: Feature[], crs?: string): string {
  const file = path.join(tmp, name);
  const collection: Record<string, unknown> = { type: 'FeatureCollection', features };
  if (crs) collection.crs = { type: 'name', properties: { name: crs } };
  fs.writeFileSync(file, JSON.stringify(collection));
  return file;
}

const square = (x: number, y: number, size: number): PolygonalGeometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ],
  ],
});

async function importFile(
  kind: 'zones' | 'overlays' | 'parcels' | 'districts',
  municipalityId: string,
  file: string,
  extra: Record<string, unknown> = {},
) {
  const source = await openLayerSource(file, { crs: extra.crs as string | undefined });
  const input = {
    db: t.database.db,
    municipalityId,
    features: source.features(),
    crs: source.crs,
    file,
    layerName: path.basename(file),
    actor: systemActor(municipalityId),
    at: new Date(),
    ...extra,
  };
  if (kind === 'zones') return importZonesLayer(input);
  if (kind === 'overlays') return importOverlaysLayer(input);
  if (kind === 'districts') return importDistrictsLayer(input);
  return importParcelsLayer(input);
}

async function layerCount(municipalityId: string) {
  const rows = await t.database.db
    .selectFrom('gis_layers')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .execute();
  return rows.length;
}

const parcel = (
  renewal: string,
  geometry: PolygonalGeometry,
  extra: Record<string, unknown> = {},
): Feature => ({
  type: 'Feature',
  properties: {
    renewal_code: renewal,
    registration_section: 3,
    main_plate: 120,
    sub_plate: '7',
    land_use: 'residential',
    street_width_m: 12,
    ...extra,
  },
  geometry,
});

describe("importing real cities' layers", () => {
  it("sets Tehran's 22 real districts and places parcels in the district whose boundary holds them", async () => {
    const city = await buildMunicipality(t.database.db);
    const report = await importFile('districts', city.id, TEHRAN);
    expect(report.features).toBe(22);
    const districts = await t.database.db
      .selectFrom('districts')
      .select(['number', 'name_fa', 'boundary'])
      .where('municipality_id', '=', city.id)
      .execute();
    expect(districts).toHaveLength(22);
    expect(districts.find((d) => d.number === 1)?.name_fa).toContain('منطقه ۱');
    // Tajrish square is in district 1, Azadi tower in district 9 (points from OpenStreetMap).
    const file = writeGeoJson('tehran-parcels.geojson', [
      parcel('T-1', square(51.4343, 35.8049, 0.0002)),
      parcel('T-9', square(51.338, 35.6997, 0.0002)),
    ]);
    await importFile('parcels', city.id, file);
    const placed = await t.database.db
      .selectFrom('parcels')
      .innerJoin('districts', 'districts.id', 'parcels.district_id')
      .select(['parcels.renewal_code', 'districts.number'])
      .where('parcels.municipality_id', '=', city.id)
      .orderBy('parcels.renewal_code')
      .execute();
    expect(placed).toEqual([
      { renewal_code: 'T-1', number: 1 },
      { renewal_code: 'T-9', number: 9 },
    ]);
  });

  it('imports a real Shapefile (Manhattan footprints) as an overlay layer', async () => {
    const city = await buildMunicipality(t.database.db);
    const report = await importFile('overlays', city.id, `${FIXTURES}/buildings-nyc-shp/buildings.shp`, {
      fixedType: 'other',
    });
    expect(report).toMatchObject({ features: 646, layerVersion: 1, crs: 'EPSG:4326' });
  });

  it("refuses Minneapolis' zoning Shapefile whole, naming the feature without a zone code", async () => {
    const city = await buildMunicipality(t.database.db);
    const error = await importFile(
      'zones',
      city.id,
      `${FIXTURES}/zoning-minneapolis/shp/Minn_Primary_District.shp`,
    ).catch((e) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    expect(error.problems).toEqual([
      { index: 1935, featureId: null, reason: expect.stringContaining('no zone code') },
    ]);
    expect(error.message).toContain('nothing was changed');
    expect(await layerCount(city.id)).toBe(0);
  });

  it('refuses real Moscow footprints with degenerate rings, each named with its reason', async () => {
    const city = await buildMunicipality(t.database.db);
    const error = await importFile('overlays', city.id, `${FIXTURES}/buildings-moscow-shp/buildings.shp`, {
      fixedType: 'other',
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    expect(error.features).toBe(18046);
    expect(error.problems).toHaveLength(30);
    expect(error.problems.map((p: { reason: string }) => p.reason).join('\n')).toMatch(
      /crosses itself|distinct vertices/,
    );
    expect(await layerCount(city.id)).toBe(0);
  });

  it('keeps a name cut mid-character, with a warning naming the feature', async () => {
    const city = await buildMunicipality(t.database.db);
    const cut = Buffer.from('حریم تاریخی', 'utf8').subarray(0, 7); // three letters and half of the fourth
    const ring = [
      [51.1, 35.7],
      [51.1, 35.701],
      [51.101, 35.701],
      [51.101, 35.7],
      [51.1, 35.7],
    ] as [number, number][];
    const shp = writeShapefile(tmp, 'cut-name', {
      shapes: [[ring]],
      fields: [{ name: 'name', type: 'C', length: 9 }],
      rows: [[cut]],
      cpg: 'UTF-8',
    });
    const report = await importFile('overlays', city.id, shp, { fixedType: 'heritage' });
    expect(report.features).toBe(1);
    expect(report.warnings).toEqual([
      { index: 0, message: expect.stringContaining('truncated multi-byte character') },
    ]);
  });
});

describe('zones: coordinates, validity and versions', () => {
  it('gives the same zones from a UTM 39N file as from the WGS84 original', async () => {
    const original = JSON.parse(fs.readFileSync(TEHRAN, 'utf8')) as { features: Feature[] };
    const utm = writeGeoJson(
      'tehran-utm39.geojson',
      original.features.map((f) => ({
        ...f,
        geometry: reprojectGeometry(f.geometry as PolygonalGeometry, 'EPSG:4326', 'EPSG:32639'),
      })),
      'urn:ogc:def:crs:EPSG::32639',
    );
    const a = await buildMunicipality(t.database.db);
    const b = await buildMunicipality(t.database.db);
    await importFile('zones', a.id, TEHRAN, { codeField: 'district' });
    const report = await importFile('zones', b.id, utm, { codeField: 'district' });
    expect(report.crs).toBe('EPSG:32639');
    const client = new TestClient(t.app);
    for (const [lng, lat] of [
      [51.4343, 35.8049],
      [51.338, 35.6997],
      [51.389, 35.689],
      [51.2, 35.75],
    ]) {
      const fromWgs = await client.get(`/api/v1/zoning/lookup?municipality=${a.code}&lat=${lat}&lng=${lng}`);
      const fromUtm = await client.get(`/api/v1/zoning/lookup?municipality=${b.code}&lat=${lat}&lng=${lng}`);
      expect(fromUtm.body.zone?.code).toBe(fromWgs.body.zone?.code);
      expect(fromWgs.body.zone).not.toBeNull();
    }
  });

  it('changes nothing when one feature is self-intersecting, and says which', async () => {
    const city = await buildMunicipality(t.database.db);
    const bowTie: PolygonalGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [51, 35],
          [51.01, 35.01],
          [51.01, 35],
          [51, 35.01],
          [51, 35],
        ],
      ],
    };
    const file = writeGeoJson('bad-zones.geojson', [
      { type: 'Feature', properties: { zone_code: 'R111' }, geometry: square(51, 35, 0.01) },
      { type: 'Feature', properties: { zone_code: 'R112' }, geometry: bowTie },
      { type: 'Feature', properties: { zone_code: 'M131' }, geometry: square(51.02, 35, 0.01) },
    ]);
    const error = await importFile('zones', city.id, file).catch((e) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    expect(error.problems).toEqual([
      { index: 1, featureId: null, reason: expect.stringContaining('crosses itself') },
    ]);
    expect(await layerCount(city.id)).toBe(0);
    const zones = await t.database.db
      .selectFrom('zones')
      .select('id')
      .where('municipality_id', '=', city.id)
      .execute();
    expect(zones).toHaveLength(0);
  });

  it('rolls back parcels already written when a later feature is bad', async () => {
    const city = await buildMunicipality(t.database.db);
    await importFile('districts', city.id, TEHRAN);
    const good = Array.from({ length: 2100 }, (_, i) =>
      parcel(`G-${i}`, square(51.3 + (i % 50) * 0.0003, 35.7 + Math.floor(i / 50) * 0.0003, 0.0002)),
    );
    const file = writeGeoJson('late-bad.geojson', [
      ...good,
      parcel('BAD', square(51.3, 35.69, 0.0002), { land_use: 'spaceport' }),
    ]);
    const error = await importFile('parcels', city.id, file).catch((e) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    expect(error.problems[0]).toMatchObject({
      index: 2100,
      reason: expect.stringContaining('"spaceport" is unknown'),
    });
    const parcels = await t.database.db
      .selectFrom('parcels')
      .select('id')
      .where('municipality_id', '=', city.id)
      .execute();
    expect(parcels).toHaveLength(0);
  });

  it('zones a parcel by the zone holding most of it, and keeps the older layer version on re-import', async () => {
    const city = await buildMunicipality(t.database.db);
    await importFile('districts', city.id, TEHRAN);
    // Two zones side by side at lng 51.300; the parcel lies 70 % in the western one.
    const zones = (west: string, east: string) =>
      writeGeoJson(`zones-${west}.geojson`, [
        { type: 'Feature', properties: { zone_code: west }, geometry: square(51.29, 35.69, 0.01) },
        { type: 'Feature', properties: { zone_code: east }, geometry: square(51.3, 35.69, 0.01) },
      ]);
    await importFile('zones', city.id, zones('R111', 'S111'));
    await importFile(
      'parcels',
      city.id,
      writeGeoJson('straddling.geojson', [parcel('S-1', square(51.2993, 35.695, 0.001))]),
    );
    const first = await new TestClient(t.app).get(`/api/v1/parcels/S-1/zoning?municipality=${city.code}`);
    expect(first.body.zone).toMatchObject({ code: 'R111', layerVersion: 1 });
    expect(first.body.zone.share).toBeCloseTo(0.7, 2);

    await importFile('zones', city.id, zones('R121', 'M131'));
    const second = await new TestClient(t.app).get(`/api/v1/parcels/S-1/zoning?municipality=${city.code}`);
    expect(second.body.zone).toMatchObject({ code: 'R121', layerVersion: 2 });
    const history = await t.database.db
      .selectFrom('parcel_zones')
      .innerJoin('gis_layers', 'gis_layers.id', 'parcel_zones.layer_id')
      .select(['gis_layers.version', 'parcel_zones.zone_code'])
      .where('parcel_zones.parcel_id', '=', first.body.parcel.id)
      .orderBy('gis_layers.version')
      .execute();
    expect(history).toEqual([
      { version: 1, zone_code: 'R111' },
      { version: 2, zone_code: 'R121' },
    ]);
  });

  it('looks up points exactly: inside, on a shared edge, inside a hole, and in the second part of a multipolygon', async () => {
    const city = await buildMunicipality(t.database.db);
    const ring = (x: number, y: number, s: number): [number, number][] => [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ];
    const withHole: PolygonalGeometry = {
      type: 'Polygon',
      coordinates: [ring(51, 35, 0.01), ring(51.004, 35.004, 0.002).reverse()],
    };
    const twoParts: PolygonalGeometry = {
      type: 'MultiPolygon',
      coordinates: [[ring(51.01, 35, 0.01)], [ring(51.03, 35, 0.01)]],
    };
    await importFile(
      'zones',
      city.id,
      writeGeoJson('exact.geojson', [
        { type: 'Feature', properties: { zone_code: 'OUTER' }, geometry: withHole },
        { type: 'Feature', properties: { zone_code: 'MULTI' }, geometry: twoParts },
      ]),
    );
    const at = async (lng: number, lat: number) =>
      (
        await new TestClient(t.app).get(
          `/api/v1/zoning/lookup?municipality=${city.code}&lat=${lat}&lng=${lng}`,
        )
      ).body.zone?.code ?? null;
    expect(await at(51.002, 35.002)).toBe('OUTER');
    expect(await at(51.005, 35.005)).toBeNull(); // in the hole
    expect(await at(51.004, 35.005)).toBe('OUTER'); // on the hole's edge counts as inside
    expect(await at(51.01, 35.005)).not.toBeNull(); // on the edge the two zones share
    expect(await at(51.035, 35.005)).toBe('MULTI'); // second part
    expect(await at(51.025, 35.005)).toBeNull(); // between the parts
  });
});
