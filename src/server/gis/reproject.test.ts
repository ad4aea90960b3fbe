import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { crsFromName, detectCrs, reprojectGeometry, reprojectPosition } from './reproject.js';
import { loadTehranDistricts, MINNEAPOLIS_SHP, MOSCOW_SHP, NYC_SHP, ring, withData } from './test-data.js';
import type { Polygon, Position } from './types.js';
import { polygonsOf } from './types.js';

const ESRI_UTM_39N =
  'PROJCS["WGS_1984_UTM_Zone_39N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],' +
  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],' +
  'PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",51.0],' +
  'PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const OGC_UTM_38N =
  'PROJCS["WGS 84 / UTM zone 38N",GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],' +
  'PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],UNIT["metre",1],' +
  'AUTHORITY["EPSG","32638"]]';
const ESRI_WGS84 =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]]';
const NAD83 =
  'GEOGCS["GCS_North_American_1983",DATUM["D_North_American_1983",SPHEROID["GRS_1980",6378137,298.257222101]]]';

/** Distance in metres between two nearby WGS84 positions. */
function metres(a: Position, b: Position): number {
  const k = Math.cos((a[1] * Math.PI) / 180);
  return Math.hypot((a[0] - b[0]) * 111_320 * k, (a[1] - b[1]) * 110_574);
}

describe('detectCrs', () => {
  it('reads ESRI and OGC .prj text', () => {
    expect(detectCrs(ESRI_UTM_39N)).toBe('EPSG:32639');
    expect(detectCrs(OGC_UTM_38N)).toBe('EPSG:32638');
    expect(detectCrs(ESRI_UTM_39N.replaceAll('39N', '41N'))).toBe('EPSG:32641');
    expect(detectCrs(ESRI_WGS84)).toBe('EPSG:4326');
    expect(detectCrs(`\uFEFF${ESRI_WGS84}\n`)).toBe('EPSG:4326');
  });

  it('refuses what it does not support instead of guessing', () => {
    expect(detectCrs(NAD83, [-93.2, 44.9])).toBeNull();
    expect(detectCrs(ESRI_UTM_39N.replaceAll('39N', '15N'))).toBeNull();
    expect(detectCrs(ESRI_UTM_39N.replaceAll('39N', '39S'))).toBeNull();
    expect(detectCrs('garbage')).toBeNull();
  });

  it('guesses from a sample coordinate only without a .prj', () => {
    expect(detectCrs(undefined, [51.4, 35.7])).toBe('EPSG:4326');
    expect(detectCrs('', [51.4, 35.7])).toBe('EPSG:4326');
    expect(detectCrs(undefined, [535_196, 3_949_524])).toBeNull();
    expect(detectCrs()).toBeNull();
  });

  withData('recognises the .prj of every shared real layer as WGS84', async () => {
    for (const shp of [NYC_SHP, MOSCOW_SHP, MINNEAPOLIS_SHP]) {
      expect(detectCrs(await fs.readFile(shp.replace(/shp$/, 'prj'), 'utf8'))).toBe('EPSG:4326');
    }
  });

  it('reads old GeoJSON named CRSs', () => {
    expect(crsFromName('urn:ogc:def:crs:EPSG::32639')).toBe('EPSG:32639');
    expect(crsFromName('urn:ogc:def:crs:OGC:1.3:CRS84')).toBe('EPSG:4326');
    expect(crsFromName('EPSG:4326')).toBe('EPSG:4326');
    expect(crsFromName('urn:ogc:def:crs:EPSG::3857')).toBeNull();
  });
});

describe('reprojectGeometry', () => {
  it('round-trips a Tehran polygon through UTM 39N to within 1 cm', () => {
    const polygon: Polygon = {
      type: 'Polygon',
      coordinates: [ring('51.389 35.689, 51.3902 35.689, 51.3902 35.6901, 51.389 35.6901, 51.389 35.689')],
    };
    const utm = reprojectGeometry(polygon, 'EPSG:4326', 'EPSG:32639');
    // Tehran lies about 35 km east of zone 39's central meridian (51°E): easting ≈ 535 km.
    expect(utm.coordinates[0][0][0]).toBeCloseTo(535_197, -1);
    expect(utm.coordinates[0][0][1]).toBeCloseTo(3_949_525, -1);
    const back = reprojectGeometry(utm, 'EPSG:32639');
    const errors = back.coordinates[0].map((p, i) => metres(p, polygon.coordinates[0][i]));
    expect(Math.max(...errors)).toBeLessThan(0.01);
  });

  withData('brings a UTM 39N copy of the Tehran districts back onto the original', async () => {
    for (const { geometry } of await loadTehranDistricts()) {
      const back = reprojectGeometry(reprojectGeometry(geometry, 'EPSG:4326', 'EPSG:32639'), 'EPSG:32639');
      const original = polygonsOf(geometry).flat(2);
      const returned = polygonsOf(back).flat(2);
      expect(returned).toHaveLength(original.length);
      const worst = Math.max(...returned.map((p, i) => metres(p, original[i])));
      expect(worst).toBeLessThan(0.001);
    }
  });

  it('converts a single position and leaves same-CRS geometry alone', () => {
    const p = reprojectPosition([51.389, 35.689, 1200], 'EPSG:4326', 'EPSG:32640');
    expect(p).toHaveLength(2);
    const polygon: Polygon = { type: 'Polygon', coordinates: [] };
    expect(reprojectGeometry(polygon, 'EPSG:4326')).toBe(polygon);
  });
});
