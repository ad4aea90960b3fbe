// Benchmark of PolygonIndex, the setup of stack_probe §6: 1,000,000 random hexagons (radius 0.2-0.6) in a
// 1000×1000 plane, 1,000,000 random query points, against a bare Flatbush box search in the same run.
// Run: node --expose-gc --import tsx src/server/gis/bench-index.ts [polygons] [queries]
import Flatbush from 'flatbush';
import { PolygonIndexBuilder } from './spatial-index.js';
import type { Polygon, Position } from './types.js';

const count = Number(process.argv[2] ?? 1_000_000);
const queries = Number(process.argv[3] ?? 1_000_000);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

let seed = 42;
function random(): number {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
}

function hexagon(): Polygon {
  const cx = random() * 1000;
  const cy = random() * 1000;
  const r = 0.2 + random() * 0.4;
  const turn = random() * Math.PI;
  const ring: Position[] = [];
  for (let k = 0; k < 6; k++)
    ring.push([cx + r * Math.cos(turn + (k * Math.PI) / 3), cy + r * Math.sin(turn + (k * Math.PI) / 3)]);
  ring.push(ring[0]);
  return { type: 'Polygon', coordinates: [ring] };
}

gc();
const rssBefore = process.memoryUsage().rss;
const start = performance.now();
const builder = new PolygonIndexBuilder<number>({ items: count, vertices: count * 6 });
for (let i = 0; i < count; i++) builder.add({ id: i, geometry: hexagon(), data: i });
const added = performance.now() - start;
const finishStart = performance.now();
const index = builder.finish();
const build = performance.now() - start;
const finish = performance.now() - finishStart;
gc();
const memory = process.memoryUsage();

const points = new Float64Array(queries * 2);
for (let i = 0; i < points.length; i++) points[i] = random() * 1000;

// The baseline: the same boxes in a bare Flatbush, searched without any exact test.
const bare = new Flatbush(count);
seed = 42;
for (let i = 0; i < count; i++) {
  const ring = hexagon().coordinates[0];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of ring) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  bare.add(minX, minY, maxX, maxY);
}
bare.finish();

function run(label: string, query: (x: number, y: number) => number): number {
  let found = 0;
  for (let i = 0; i < 50_000; i++) query(points[2 * i], points[2 * i + 1]); // warm-up
  const t = performance.now();
  for (let i = 0; i < queries; i++) found += query(points[2 * i], points[2 * i + 1]);
  const seconds = (performance.now() - t) / 1000;
  const rate = queries / seconds;
  console.log(
    `${label}: ${Math.round(rate).toLocaleString('en')} queries/s (${(found / queries).toFixed(3)} results/point)`,
  );
  return rate;
}

console.log(`${count.toLocaleString('en')} hexagons, ${queries.toLocaleString('en')} points`);
console.log(
  `build: ${build.toFixed(0)} ms (add incl. making GeoJSON ${added.toFixed(0)} ms, finish ${finish.toFixed(0)} ms)`,
);
console.log(`index memoryBytes(): ${mb(index.memoryBytes())}`);
console.log(
  `process after GC: rss ${mb(memory.rss)} (${mb(memory.rss - rssBefore)} over start), heap ${mb(memory.heapUsed)}, arrayBuffers ${mb(memory.arrayBuffers)}`,
);
const baseline = run('bare Flatbush box search', (x, y) => bare.search(x, y, x, y).length);
const exact = run(
  'PolygonIndex.pointQueryPositions (box + exact PIP)',
  (x, y) => index.pointQueryPositions(x, y).length,
);
run('PolygonIndex.pointQuery (returns data)', (x, y) => index.pointQuery(x, y).length);
console.log(`exact / baseline: ${(exact / baseline).toFixed(2)}`);
console.log(`max rss: ${mb(process.resourceUsage().maxRSS * 1024)}`);
