// Memory check of the streaming GeoJSON reader on a large generated file (default ~500 MB), too slow for
// the unit tests. Run: node --import tsx src/server/gis/check-geojson-memory.ts [megabytes]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readGeoJsonFeatures } from './read-geojson.js';

const targetBytes = Number(process.argv[2] ?? 500) * 1024 * 1024;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gis-geojson-memory-'));
const file = path.join(dir, 'parcels.geojson');

try {
  let t = performance.now();
  const out = fs.openSync(file, 'w');
  fs.writeSync(
    out,
    '{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"features":[\n',
  );
  let written = 0;
  let count = 0;
  while (written < targetBytes) {
    const lines: string[] = [];
    for (let k = 0; k < 10_000; k++, count++) {
      const x = 51.1 + (count % 5000) * 1e-4;
      const y = 35.55 + Math.floor(count / 5000) * 1e-4;
      const ring = [
        [x, y],
        [x + 9e-5, y],
        [x + 9e-5, y + 9e-5],
        [x + 4e-5, y + 9.5e-5],
        [x, y + 9e-5],
        [x, y],
      ];
      const properties = {
        parcel: `P-${count}`,
        owner: 'شهرداری تهران',
        use: 'مسکونی',
        floors: 1 + (count % 7),
      };
      lines.push(
        JSON.stringify({ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [ring] } }),
      );
    }
    const text = `${count > 10_000 ? ',\n' : ''}${lines.join(',\n')}`;
    fs.writeSync(out, text);
    written += Buffer.byteLength(text);
  }
  fs.writeSync(out, '\n]}\n');
  fs.closeSync(out);
  const size = fs.statSync(file).size;
  console.log(
    `wrote ${count.toLocaleString('en')} features, ${mb(size)}, in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  const rssStart = process.memoryUsage().rss;
  let peak = rssStart;
  let seen = 0;
  t = performance.now();
  for await (const { index } of readGeoJsonFeatures(file)) {
    seen++;
    if (index % 10_000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - t) / 1000;
  console.log(
    `read ${seen.toLocaleString('en')} features in ${seconds.toFixed(1)} s (${mb(size / seconds)}/s)`,
  );
  console.log(
    `rss at start ${mb(rssStart)}, peak sampled ${mb(peak)}, process max rss ${mb(process.resourceUsage().maxRSS * 1024)}`,
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
