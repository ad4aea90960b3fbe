import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FeatureSplitter, type SplitEvent } from './json-splitter.js';
import { openGeoJson, readGeoJsonFeatures } from './read-geojson.js';
import { MINNEAPOLIS_GEOJSON, ring, TEHRAN_DISTRICTS, withData } from './test-data.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gis-geojson-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

async function collect(file: string) {
  const out = [];
  for await (const item of readGeoJsonFeatures(file)) out.push(item);
  return out;
}

const square = {
  type: 'Polygon',
  coordinates: [ring('0 0, 1 0, 1 1, 0 1, 0 0')],
};

describe('openGeoJson on real layers', () => {
  withData('streams the 22 Tehran districts with their Persian names', async () => {
    const items = await collect(TEHRAN_DISTRICTS);
    expect(items).toHaveLength(22);
    expect(items.map((i) => i.index)).toEqual([...Array(22).keys()]);
    const byDistrict = new Map(
      items.map(({ feature }) => [feature.properties?.district, feature.properties?.name]),
    );
    expect(byDistrict.get(1)).toBe('منطقه ۱ شهر تهران');
    expect(byDistrict.get(22)).toBe('منطقه ۲۲ شهر تهران');
    expect([...byDistrict.keys()].sort((a, b) => Number(a) - Number(b))).toEqual(
      [...Array(22).keys()].map((k) => k + 1),
    );
  });

  withData('reports the named CRS of the Minneapolis layer and reads its 2,193 features', async () => {
    const source = await openGeoJson(MINNEAPOLIS_GEOJSON);
    expect(source.rootType).toBe('FeatureCollection');
    expect(source.crsName).toBe('urn:ogc:def:crs:OGC:1.3:CRS84');
    expect(source.crs).toBe('EPSG:4326');
    let count = 0;
    for await (const _ of source.features()) count++;
    expect(count).toBe(2193);
  });
});

describe('openGeoJson forms', () => {
  it('reads a plain Feature', async () => {
    const file = write(
      'one.geojson',
      JSON.stringify({ type: 'Feature', id: 7, properties: { a: 1 }, geometry: square }),
    );
    const source = await openGeoJson(file);
    expect(source.rootType).toBe('Feature');
    expect(await collect(file)).toEqual([
      { index: 0, feature: { type: 'Feature', id: 7, properties: { a: 1 }, geometry: square } },
    ]);
  });

  it('reports an old-style named CRS, before or after the features', async () => {
    const crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::32639' } };
    const feature = { type: 'Feature', properties: null, geometry: square };
    const before = await openGeoJson(
      write('before.geojson', JSON.stringify({ type: 'FeatureCollection', crs, features: [feature] })),
    );
    expect([before.crsName, before.crs]).toEqual(['urn:ogc:def:crs:EPSG::32639', 'EPSG:32639']);
    // Past the first 1 MB chunk, so the member is not seen yet when the file is opened.
    const many = Array.from({ length: 20_000 }, () => feature);
    const after = await openGeoJson(
      write('after.geojson', JSON.stringify({ type: 'FeatureCollection', features: many, crs })),
    );
    expect(after.crs).toBeNull();
    for await (const _ of after.features());
    expect(after.crs).toBe('EPSG:32639');
  });

  it('accepts an empty collection and member values of every JSON kind', async () => {
    const text =
      '\uFEFF{ "n": -1.5e3, "t": true, "z": null, "s": "x}", "o": {"features": [1]}, "type": "FeatureCollection", "features": [ ] }';
    expect(await collect(write('empty.geojson', text))).toEqual([]);
  });

  it('explains broken input', async () => {
    await expect(openGeoJson(write('array.json', '[1, 2]'))).rejects.toThrow('does not hold a JSON object');
    await expect(
      collect(write('cut.json', '{"type":"FeatureCollection","features":[{"type":"Feature"')),
    ).rejects.toThrow('before its root object is closed');
    const bad =
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":null},{"type":"Feature",]}';
    await expect(collect(write('bad.json', bad))).rejects.toThrow('feature 1 is not valid JSON');
    await expect(
      collect(write('kind.json', '{"features":[{"type":"Point","coordinates":[0,0]}]}')),
    ).rejects.toThrow('feature 0 has type Point, not Feature');
    await expect(openGeoJson(write('geom.json', JSON.stringify(square)))).rejects.toThrow(
      'root type is Polygon',
    );
  });
});

describe('FeatureSplitter', () => {
  const tricky = fc.string({
    unit: fc.constantFrom('"', '\\', '{', '}', '[', ']', ',', ':', ' ', 'a', 'ش', '😀', '\n', '\u2028'),
  });
  const feature = fc.record({
    type: fc.constant('Feature'),
    properties: fc.dictionary(
      tricky,
      fc.oneof(tricky, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)),
    ),
    geometry: fc.constant(square),
  });

  it('splits any collection the same way whatever the chunk boundaries', () => {
    fc.assert(
      fc.property(
        fc.array(feature, { maxLength: 6 }),
        tricky,
        fc.constantFrom(0, 2, '\t'),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1 }),
        (features, name, indent, sizes) => {
          const text = JSON.stringify({ type: 'FeatureCollection', name, features }, null, indent);
          const splitter = new FeatureSplitter();
          const events: SplitEvent[] = [];
          for (let at = 0, k = 0; at < text.length; k++) {
            const size = sizes[k % sizes.length];
            splitter.push(text.slice(at, at + size), events);
            at += size;
          }
          splitter.end();
          expect(events.filter((e) => e.kind === 'feature').map((e) => JSON.parse(e.text))).toEqual(
            JSON.parse(JSON.stringify(features)),
          );
          const members = Object.fromEntries(
            events.flatMap((e) => (e.kind === 'member' ? [[e.key, JSON.parse(e.text)]] : [])),
          );
          expect(members).toEqual({ type: 'FeatureCollection', name });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a single value longer than its limit', () => {
    const splitter = new FeatureSplitter(100);
    expect(() => splitter.push(`{"features":[{"a":"${'x'.repeat(200)}`, [])).toThrow('longer than 100');
  });
});

describe('openGeoJson memory', () => {
  it('reads a 200,000-feature file (~110 MB) with bounded memory', async () => {
    const file = path.join(dir, 'big.geojson');
    const out = fs.openSync(file, 'w');
    fs.writeSync(out, '{"type":"FeatureCollection","features":[\n');
    const count = 200_000;
    // A thousand distinct ten-vertex parcels (about 550 bytes of JSON each), reused to keep this quick.
    const rings = Array.from({ length: 1000 }, (_, i) => {
      const [x, y] = [51.3 + i * 1.01e-4, 35.6 + (i % 7) * 1.01e-4];
      const ring = Array.from({ length: 10 }, (_, k) => [
        x + 5e-5 * Math.cos(k / 1.6),
        y + 5e-5 * Math.sin(k / 1.6),
      ]);
      return JSON.stringify([[...ring, ring[0]]]);
    });
    for (let start = 0; start < count; start += 10_000) {
      const lines: string[] = [];
      for (let i = start; i < start + 10_000; i++) {
        const properties = `{"parcel":"P-${i}","owner":"شهرداری تهران","use":"residential"}`;
        lines.push(
          `{"type":"Feature","properties":${properties},"geometry":{"type":"Polygon","coordinates":${rings[i % 1000]}}}`,
        );
      }
      fs.writeSync(out, `${start > 0 ? ',\n' : ''}${lines.join(',\n')}`);
    }
    fs.writeSync(out, '\n]}\n');
    fs.closeSync(out);
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(100e6);
    const rssStart = process.memoryUsage().rss;
    let peak = rssStart;
    let seen = 0;
    let last = '';
    for await (const { index, feature } of readGeoJsonFeatures(file)) {
      seen++;
      last = String(feature.properties?.parcel);
      if (index % 5000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    }
    expect(seen).toBe(count);
    expect(last).toBe(`P-${count - 1}`);
    // The file as one string would take its size alone, all features parsed several times that; streaming
    // costs a few MB of buffers plus however much garbage V8 lets pile up before collecting.
    expect(peak - rssStart).toBeLessThan(80e6);
  });
});
