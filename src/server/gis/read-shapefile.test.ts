import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { area } from './measure.js';
import { openGeoJson } from './read-geojson.js';
import {
  describeTextIssue,
  encodingFromCpg,
  openShapefile,
  type ShapefileFeature,
} from './read-shapefile.js';
import { reprojectGeometry } from './reproject.js';
import { writeShapefile } from './shapefile-fixture.js';
import { MINNEAPOLIS_GEOJSON, MINNEAPOLIS_SHP, MOSCOW_SHP, NYC_SHP, ring, withData } from './test-data.js';
import type { Feature, Polygon, PolygonalGeometry, Position } from './types.js';
import { validateGeometry } from './validate.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gis-shp-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function readAll(shp: string, options?: { encoding?: string }) {
  const source = await openShapefile(shp, options);
  const items: ShapefileFeature[] = [];
  for await (const item of source.features()) items.push(item);
  return { source, items };
}

/** A clockwise square (a Shapefile outer ring). */
const cw = (x: number, y: number, s: number): Position[] => [
  [x, y],
  [x, y + s],
  [x + s, y + s],
  [x + s, y],
  [x, y],
];
const ccw = (x: number, y: number, s: number): Position[] => [...cw(x, y, s)].reverse();

describe('openShapefile on real layers', () => {
  withData('reads all 646 NYC buildings, two of them MultiPolygons', async () => {
    const { source, items } = await readAll(NYC_SHP);
    expect([source.crs, source.crsFrom, source.encoding, source.encodingFrom, source.count]).toEqual([
      'EPSG:4326',
      'prj',
      'utf-8',
      'default',
      646,
    ]);
    expect(items).toHaveLength(646);
    expect(
      items.filter((i) => (i.feature.geometry as PolygonalGeometry).type === 'MultiPolygon'),
    ).toHaveLength(2);
    expect(items.every((i) => validateGeometry(i.feature.geometry).ok)).toBe(true);
    expect(items[0].feature.properties).toEqual({ height: 210, type: 'building' });
  });

  withData('reads all 18,046 Moscow buildings: no damaged name, 30 invalid geometries', async () => {
    const { source, items } = await readAll(MOSCOW_SHP);
    expect([source.crs, source.encoding, source.encodingFrom]).toEqual(['EPSG:4326', 'utf-8', 'cpg']);
    expect(items).toHaveLength(18_046);
    expect(items.filter((i) => i.textIssues.length > 0)).toHaveLength(0);
    const names = items
      .map((i) => i.feature.properties?.name)
      .filter((n): n is string => typeof n === 'string');
    expect(names).toHaveLength(317);
    // 39 names fill the 48-byte field: cut there, but on character boundaries.
    expect(names.filter((n) => Buffer.byteLength(n) === 48)).toHaveLength(39);
    const codes: Record<string, number> = {};
    for (const { feature } of items) {
      const result = validateGeometry(feature.geometry);
      if (!result.ok) codes[result.code] = (codes[result.code] ?? 0) + 1;
    }
    expect(codes).toEqual({ too_few_points: 20, self_intersection: 10 });
  });

  withData('reads the Minneapolis zoning Shapefile as the same 2,193 features as its GeoJSON', async () => {
    const { source, items } = await readAll(MINNEAPOLIS_SHP);
    expect(source.count).toBe(2193);
    const fromJson: Feature[] = [];
    for await (const { feature } of (await openGeoJson(MINNEAPOLIS_GEOJSON)).features())
      fromJson.push(feature);
    expect(items).toHaveLength(fromJson.length);
    items.forEach(({ feature }, i) => {
      expect(feature.properties?.ZONE_CODE).toBe(fromJson[i].properties?.ZONE_CODE);
      const a = area(feature.geometry as PolygonalGeometry);
      expect(Math.abs(a - area(fromJson[i].geometry as PolygonalGeometry)) / a).toBeLessThan(1e-9);
    });
  });
});

describe('openShapefile text encodings', () => {
  const fields = [
    { name: 'name', type: 'C' as const, length: 10 },
    { name: 'area', type: 'N' as const, length: 8 },
  ];

  it('keeps a name cut inside a UTF-8 character, marked as repaired', async () => {
    const cut = Buffer.from('تهران', 'utf8').subarray(0, 9); // 4 letters and half of the fifth
    const broken = Buffer.from([0x41, 0xff, 0x42]);
    const shp = writeShapefile(dir, 'cut', {
      shapes: [[cw(0, 0, 1)], [[cw(2, 0, 1)][0]], [[cw(4, 0, 1)][0]]],
      fields,
      rows: [
        [cut, 12],
        [broken, null],
        ['ok', 3],
      ],
      cpg: 'UTF-8',
    });
    const { items } = await readAll(shp);
    expect(items).toHaveLength(3);
    expect(items[0].feature.properties).toEqual({ name: 'تهرا\uFFFD', area: 12 });
    expect(items[0].textIssues).toEqual([{ property: 'name', kind: 'truncated' }]);
    expect(describeTextIssue(items[0].textIssues[0], 'utf-8')).toBe(
      'property name was not valid UTF-8 (truncated multi-byte character), kept with a replacement character',
    );
    expect(items[1].textIssues).toEqual([{ property: 'name', kind: 'invalid' }]);
    expect(items[1].feature.properties).toEqual({ name: 'A\uFFFDB', area: null });
    expect(items[2].textIssues).toEqual([]);
  });

  it('decodes legacy Persian windows-1256 text when the .cpg says 1256', async () => {
    const tehran1256 = Buffer.from([0xca, 0xe5, 0xd1, 0xc7, 0xe4]);
    const shp = writeShapefile(dir, 'legacy', {
      shapes: [[cw(51.3, 35.6, 0.01)]],
      fields,
      rows: [[tehran1256, 1]],
      cpg: '1256',
    });
    const { source, items } = await readAll(shp);
    expect([source.encoding, source.encodingFrom]).toEqual(['windows-1256', 'cpg']);
    expect(items[0].feature.properties?.name).toBe('تهران');
    const forced = await readAll(shp, { encoding: 'latin1' });
    expect(forced.source.encodingFrom).toBe('option');
    expect(forced.items[0].feature.properties?.name).not.toBe('تهران');
  });

  it('maps .cpg texts to decoder labels', () => {
    expect(encodingFromCpg('UTF-8\n')).toBe('utf-8');
    expect(encodingFromCpg('65001')).toBe('utf-8');
    expect(encodingFromCpg('ANSI 1256')).toBe('windows-1256');
    expect(encodingFromCpg('ISO-8859-1')).toBe('windows-1252');
    expect(encodingFromCpg('no such thing')).toBeNull();
  });
});

describe('openShapefile structure', () => {
  const fields = [{ name: 'id', type: 'N' as const, length: 4 }];

  it('finds upper-case siblings, skips deleted rows, keeps null shapes, nests holes', async () => {
    const shp = writeShapefile(dir, 'Mixed', {
      shapes: [[cw(0, 0, 4), ccw(1, 1, 1)], null, [cw(0, 0, 1), cw(5, 5, 1)], [cw(9, 9, 1)]],
      fields,
      rows: [[1], [2], [3], [4]],
      deleted: [3],
      cpg: 'UTF-8',
      extensionCase: 'upper',
    });
    const { source, items } = await readAll(shp);
    expect(source.encodingFrom).toBe('cpg');
    expect(items.map((i) => [i.index, i.feature.properties?.id])).toEqual(ring('0 1, 1 2, 2 3'));
    expect((items[0].feature.geometry as PolygonalGeometry).type).toBe('Polygon');
    expect((items[0].feature.geometry as { coordinates: unknown[] }).coordinates).toHaveLength(2);
    expect(items[1].feature.geometry).toBeNull();
    expect((items[2].feature.geometry as PolygonalGeometry).type).toBe('MultiPolygon');
  });

  it('takes the CRS from a UTM .prj, or guesses it from the bounding box without one', async () => {
    const utm = [
      [
        [535_000, 3_949_000],
        [535_000, 3_949_100],
        [535_100, 3_949_100],
        [535_100, 3_949_000],
        [535_000, 3_949_000],
      ],
    ] as Position[][];
    const prj =
      'PROJCS["WGS_1984_UTM_Zone_39N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]]]]';
    const withPrj = await readAll(writeShapefile(dir, 'utm', { shapes: [utm], fields, rows: [[1]], prj }));
    expect([withPrj.source.crs, withPrj.source.crsFrom]).toEqual(['EPSG:32639', 'prj']);
    const back = reprojectGeometry(withPrj.items[0].feature.geometry as Polygon, 'EPSG:32639');
    const [lng, lat] = back.coordinates[0][0];
    expect(lng).toBeCloseTo(51.387, 2);
    expect(lat).toBeCloseTo(35.683, 2);
    const noPrj = await openShapefile(
      writeShapefile(dir, 'utm-bare', { shapes: [utm], fields, rows: [[1]] }),
    );
    expect([noPrj.crs, noPrj.crsFrom]).toEqual([null, 'bbox']);
    await noPrj.close();
    const degrees = await openShapefile(
      writeShapefile(dir, 'deg-bare', { shapes: [[cw(51, 35, 1)]], fields, rows: [[1]] }),
    );
    expect(degrees.crs).toBe('EPSG:4326');
    await degrees.close();
  });

  it('refuses a file that is not a Shapefile', async () => {
    const fake = path.join(dir, 'fake.shp');
    fs.writeFileSync(
      fake,
      'not a shapefile at all, just text that is long enough to have a header of 100 bytes'.repeat(2),
    );
    await expect(openShapefile(fake)).rejects.toThrow('is not a Shapefile');
  });
});
