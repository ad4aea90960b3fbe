import { pointInPolygon } from './point-in-polygon.js';
import type { PolygonalGeometry, Position, Ring } from './types.js';
import { polygonsOf } from './types.js';

const MAX_SCANLINES = 64;

/** Unsigned shoelace area of a shell in square degrees: enough to rank the parts of one MultiPolygon. */
function shellSize(ring: readonly Position[]): number {
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    twice +=
      (ring[j][0] - ring[0][0]) * (ring[i][1] - ring[0][1]) -
      (ring[i][0] - ring[0][0]) * (ring[j][1] - ring[0][1]);
  }
  return Math.abs(twice / 2);
}

/** x where each edge crosses the horizontal line at y (half-open in y, so vertices count once), sorted. */
function crossings(rings: readonly Ring[], y: number): number[] {
  const xs: number[] = [];
  for (const ring of rings) {
    const n = ring.length;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const [ax, ay] = ring[j];
      const [bx, by] = ring[i];
      if (ay > y !== by > y) xs.push(ax + ((y - ay) * (bx - ax)) / (by - ay));
    }
  }
  return xs.sort((p, q) => p - q);
}

/** Midpoint of the widest interior interval of a scanline, or null when it has none. */
function widestMidpoint(rings: readonly Ring[], y: number): Position | null {
  const xs = crossings(rings, y);
  let best = 0;
  let mid: Position | null = null;
  for (let k = 0; k + 1 < xs.length; k += 2) {
    const width = xs[k + 1] - xs[k];
    if (width > best) {
      best = width;
      mid = [(xs[k] + xs[k + 1]) / 2, y];
    }
  }
  return mid;
}

/** Scanline heights to try: the bbox centre, then the middles of the bands between vertex heights, nearest first. */
function* scanlines(rings: readonly Ring[]): Generator<number> {
  let minY = Infinity;
  let maxY = -Infinity;
  for (const [, y] of rings[0]) {
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const centre = (minY + maxY) / 2;
  yield centre;
  const ys = [...new Set(rings.flatMap((ring) => ring.map((p) => p[1])))].sort((p, q) => p - q);
  const bands: number[] = [];
  for (let k = 0; k + 1 < ys.length; k++) bands.push((ys[k] + ys[k + 1]) / 2);
  bands.sort((p, q) => Math.abs(p - centre) - Math.abs(q - centre));
  yield* bands.slice(0, MAX_SCANLINES);
}

/**
 * A point strictly inside the polygon (the largest part of a MultiPolygon), for labels and "which zone holds
 * this parcel" lookups: the midpoint of the widest interior segment of a horizontal scanline through the bbox
 * centre, else through the middle of a band between vertex heights (no vertex lies on it, so its intervals
 * have positive width). Only a degenerate geometry with no interior gets its first vertex back.
 */
export function representativePoint(geometry: PolygonalGeometry): Position {
  const parts = polygonsOf(geometry).filter((rings) => rings.length > 0 && rings[0].length > 0);
  if (parts.length === 0) return [Number.NaN, Number.NaN];
  let rings = parts[0];
  if (parts.length > 1) {
    let largest = -1;
    for (const part of parts) {
      const a = shellSize(part[0]);
      if (a > largest) {
        largest = a;
        rings = part;
      }
    }
  }
  const single = { type: 'Polygon' as const, coordinates: rings };
  for (const y of scanlines(rings)) {
    const point = widestMidpoint(rings, y);
    if (point && pointInPolygon(point, single) === 'inside') return point;
  }
  return [rings[0][0][0], rings[0][0][1]];
}
