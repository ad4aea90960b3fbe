import v8 from 'node:v8';
import vm from 'node:vm';
import type Flatbush from 'flatbush';
import type pg from 'pg';
import type { Db } from '../../src/server/db/schema.js';
import type { PolygonIndex } from '../../src/server/gis/spatial-index.js';
import type { BBox } from '../../src/server/gis/types.js';
import { pointLookupJson } from '../../src/server/modules/zoning/lookup-json.js';
import { lookupPoint } from '../../src/server/modules/zoning/lookup-point.js';
import {
  type MunicipalityIndexes,
  ZoningIndexRegistry,
} from '../../src/server/modules/zoning/zoning-index.js';

/** A real gc() even when node was started without --expose-gc (tsx does not pass it on). */
export const gc: () => void = (() => {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

export const mib = (bytes: number) => bytes / 1024 / 1024;

/** Deterministic uniform numbers, so two runs query the same points. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * The baseline of the index build: reading the same rows and columns the same way (keyset pages of 5,000, the
 * parcel's district number and its zone under the current zones layer joined in, the next page asked for as
 * soon as one arrives), nothing else.
 */
export async function readParcelGeometries(pool: pg.Pool, municipalityId: string) {
  const started = performance.now();
  const layer = await pool.query<{ id: string }>(
    `SELECT id FROM gis_layers WHERE municipality_id = $1 AND kind = 'zones' ORDER BY version DESC LIMIT 1`,
    [municipalityId],
  );
  const zonesLayer = layer.rows[0]?.id ?? '00000000-0000-0000-0000-000000000000';
  const pageAfter = (afterId: string) =>
    pool.query<{ id: string }>(
      `SELECT p.id, p.geometry, p.renewal_code, p.registration_section, p.main_plate, p.sub_plates, p.unit_no,
              p.land_area_m2, p.street_width_m, p.land_use, p.centroid_lng, p.centroid_lat, d.number,
              pz.zone_id, pz.share
         FROM parcels p JOIN districts d ON d.id = p.district_id
         LEFT JOIN parcel_zones pz ON pz.parcel_id = p.id AND pz.layer_id = $3 AND pz.parcel_id > $2
        WHERE p.municipality_id = $1 AND p.id > $2 ORDER BY p.id LIMIT 5000`,
      [municipalityId, afterId, zonesLayer],
    );
  // Like the build, the next page is asked for as soon as this one has arrived.
  let next = pageAfter('00000000-0000-0000-0000-000000000000');
  let rows = 0;
  for (;;) {
    const page = await next;
    if (page.rows.length === 0) break;
    rows += page.rows.length;
    next = pageAfter(page.rows[page.rows.length - 1].id);
  }
  return { rows, ms: performance.now() - started };
}

export interface BuildMeasure {
  indexes: MunicipalityIndexes;
  registry: ZoningIndexRegistry;
  ms: number;
  builtInMs: number;
  rssDeltaMiB: number;
  heapDeltaMiB: number;
  arrayBuffersDeltaMiB: number;
  peakRssDuringMiB: number;
  rssBeforeMiB: number;
  memoryBytesMiB: { parcels: number; facts: number; zones: number; overlays: number };
  counts: { parcels: number; zones: number; overlays: number };
}

/** Builds the registry's indexes for the municipality as the server does, measuring time and memory. */
export async function measureIndexBuild(db: Db, municipalityId: string): Promise<BuildMeasure> {
  gc();
  gc();
  const before = process.memoryUsage();
  const registry = new ZoningIndexRegistry(db);
  let peakRss = before.rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 50);
  const started = performance.now();
  const indexes = await registry.get(municipalityId);
  const ms = performance.now() - started;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  gc();
  gc();
  const after = process.memoryUsage();
  return {
    indexes,
    registry,
    ms,
    builtInMs: indexes.builtInMs,
    rssBeforeMiB: mib(before.rss),
    rssDeltaMiB: mib(after.rss - before.rss),
    heapDeltaMiB: mib(after.heapUsed - before.heapUsed),
    arrayBuffersDeltaMiB: mib(after.arrayBuffers - before.arrayBuffers),
    peakRssDuringMiB: mib(peakRss),
    memoryBytesMiB: {
      parcels: mib(indexes.parcels.memoryBytes()),
      facts: mib(indexes.facts.memoryBytes()),
      zones: mib(indexes.zones.memoryBytes()),
      overlays: mib(indexes.overlays.memoryBytes()),
    },
    counts: { parcels: indexes.parcels.size, zones: indexes.zones.size, overlays: indexes.overlays.size },
  };
}

/** The index's own R-tree (private in PolygonIndex): the bare Flatbush over exactly the same boxes. */
function treeOf(index: PolygonIndex<unknown>): Flatbush {
  const tree = (index as unknown as { tree: Flatbush | null }).tree;
  if (!tree) throw new Error('empty index');
  return tree;
}

export function randomPoints(extent: BBox, count: number, seed: number): Float64Array {
  const random = prng(seed);
  const points = new Float64Array(count * 2);
  for (let i = 0; i < count; i++) {
    points[2 * i] = extent[0] + random() * (extent[2] - extent[0]);
    points[2 * i + 1] = extent[1] + random() * (extent[3] - extent[1]);
  }
  return points;
}

function rate(points: Float64Array, query: (x: number, y: number) => number) {
  const count = points.length / 2;
  const warm = Math.min(count, 50_000);
  for (let i = 0; i < warm; i++) query(points[2 * i], points[2 * i + 1]);
  let found = 0;
  const started = performance.now();
  for (let i = 0; i < count; i++) found += query(points[2 * i], points[2 * i + 1]);
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: count / seconds, resultsPerPoint: found / count };
}

/**
 * Point lookups/s through the registry's indexes (parcel + zone, exact point-in-polygon, as lookupPoint does)
 * beside a bare Flatbush box search of the same points in the same trees, in the same run (twice each,
 * interleaved, so a noisy neighbour hits both).
 */
export function measurePointQueries(indexes: MunicipalityIndexes, points: Float64Array) {
  const parcelTree = treeOf(indexes.parcels);
  const zoneTree = treeOf(indexes.zones);
  const bare = (x: number, y: number) =>
    parcelTree.search(x, y, x, y).length + zoneTree.search(x, y, x, y).length;
  const exact = (x: number, y: number) =>
    indexes.parcels.pointQuery(x, y).length + indexes.zones.pointQuery(x, y).length;
  const bbox = (x: number, y: number) => {
    const box: BBox = [x, y, x, y];
    return indexes.parcels.bboxQuery(box).length + indexes.zones.bboxQuery(box).length;
  };
  const parcelsOnly = (x: number, y: number) => indexes.parcels.pointQuery(x, y).length;
  const bare1 = rate(points, bare);
  const exact1 = rate(points, exact);
  const bbox1 = rate(points, bbox);
  const bare2 = rate(points, bare);
  const exact2 = rate(points, exact);
  const parcels = rate(points, parcelsOnly);
  let hits = 0;
  for (let i = 0; i < points.length / 2; i++)
    if (indexes.parcels.pointQuery(points[2 * i], points[2 * i + 1]).length > 0) hits++;
  return {
    bare: Math.max(bare1.perSecond, bare2.perSecond),
    exact: Math.max(exact1.perSecond, exact2.perSecond),
    bboxQuery: bbox1.perSecond,
    parcelsOnly: parcels.perSecond,
    bareCandidatesPerPoint: bare1.resultsPerPoint,
    exactResultsPerPoint: exact1.resultsPerPoint,
    parcelHitShare: hits / (points.length / 2),
  };
}

/**
 * Whole point lookups in-process, as the route makes them without HTTP: point queries, the parcel's zoning from
 * the in-memory facts, the JSON; `points` alternate on and off parcels.
 */
export async function measureWholeLookups(
  registry: ZoningIndexRegistry,
  db: Db,
  municipalityId: string,
  points: [number, number][],
  date: string,
) {
  const one = async ([lng, lat]: [number, number]) =>
    pointLookupJson(await lookupPoint({ db, registry, municipalityId, lat, lng, date, locale: 'fa' })).length;
  for (const point of points.slice(0, 2_000)) await one(point);
  let bytes = 0;
  const started = performance.now();
  for (let round = 0; round < 5; round++) for (const point of points) bytes += await one(point);
  const lookups = points.length * 5;
  return { perSecond: lookups / ((performance.now() - started) / 1000), meanBytes: bytes / lookups };
}

/** Random points inside the extent, half on a parcel and half off (chosen with the in-process index). */
export function lookupPoints(indexes: MunicipalityIndexes, extent: BBox, each: number, seed: number) {
  const random = prng(seed);
  const hits: [number, number][] = [];
  const misses: [number, number][] = [];
  for (let tries = 0; (hits.length < each || misses.length < each) && tries < each * 1000; tries++) {
    const lng = extent[0] + random() * (extent[2] - extent[0]);
    const lat = extent[1] + random() * (extent[3] - extent[1]);
    const onParcel = indexes.parcels.pointQuery(lng, lat).length > 0;
    if (onParcel && hits.length < each) hits.push([lng, lat]);
    else if (!onParcel && misses.length < each) misses.push([lng, lat]);
  }
  const points: [number, number][] = [];
  for (let i = 0; i < Math.max(hits.length, misses.length); i++) {
    if (hits[i]) points.push(hits[i]);
    if (misses[i]) points.push(misses[i]);
  }
  return { points, hits, misses };
}
