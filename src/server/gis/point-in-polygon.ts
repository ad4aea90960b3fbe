import { orient2d } from './orient.js';
import type { PointLocation, PolygonalGeometry, Position } from './types.js';
import { polygonsOf } from './types.js';

/** Codes returned by the flat-array variant. */
export const OUTSIDE = 0;
export const INSIDE = 1;
export const BOUNDARY = 2;

const NO_CROSSING = 0;
const CROSSING = 1;
const ON_EDGE = 2;

/**
 * Whether the edge a-b crosses the ray from (x, y) towards +x, or contains the point. Half-open in y so a
 * ray through a vertex counts once, and horizontal edges never cross. The edge is always evaluated from its
 * lower end so two polygons sharing it reach the same verdict.
 */
function edgeTest(ax: number, ay: number, bx: number, by: number, x: number, y: number): number {
  if (ay > y !== by > y) {
    // Edges wholly to one side of the point need no orientation test.
    if (ax < x && bx < x) return NO_CROSSING;
    if (ax > x && bx > x) return CROSSING;
    const side = ay < by ? orient2d(ax, ay, bx, by, x, y) : orient2d(bx, by, ax, ay, x, y);
    if (side === 0) return ON_EDGE;
    return side > 0 ? CROSSING : NO_CROSSING;
  }
  if (ay === y) {
    if (ax === x) return ON_EDGE;
    if (by === y && ax < x !== bx < x) return ON_EDGE;
    if (by === y && bx === x) return ON_EDGE;
  } else if (by === y && bx === x) {
    return ON_EDGE;
  }
  return NO_CROSSING;
}

/** Location of a point relative to one ring, closed or open, of either orientation. */
export function pointInRing(x: number, y: number, ring: readonly Position[]): PointLocation {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const a = ring[j];
    const b = ring[i];
    const edge = edgeTest(a[0], a[1], b[0], b[1], x, y);
    if (edge === ON_EDGE) return 'boundary';
    if (edge === CROSSING) inside = !inside;
  }
  return inside ? 'inside' : 'outside';
}

/** Location of a point relative to a Polygon or MultiPolygon with holes; holes' interiors are outside. */
export function pointInPolygon(point: Position, geometry: PolygonalGeometry): PointLocation {
  const [x, y] = point;
  for (const rings of polygonsOf(geometry)) {
    if (rings.length === 0) continue;
    const shell = pointInRing(x, y, rings[0]);
    if (shell === 'boundary') return 'boundary';
    if (shell === 'outside') continue;
    let inHole = false;
    for (let h = 1; h < rings.length && !inHole; h++) {
      const hole = pointInRing(x, y, rings[h]);
      if (hole === 'boundary') return 'boundary';
      inHole = hole === 'inside';
    }
    if (!inHole) return 'inside';
  }
  return 'outside';
}

/**
 * Even-odd location of (x, y) over open rings stored as [x0, y0, x1, y1, …]: ring r holds points
 * ringStart[r] … ringStart[r + 1] - 1. Right for any valid polygon or multipolygon with holes.
 */
export function pointInFlatRings(
  coords: Float64Array,
  ringStart: Uint32Array,
  firstRing: number,
  endRing: number,
  x: number,
  y: number,
): number {
  let inside = false;
  for (let r = firstRing; r < endRing; r++) {
    const start = ringStart[r];
    const end = ringStart[r + 1];
    let j = end - 1;
    for (let i = start; i < end; j = i++) {
      const edge = edgeTest(coords[2 * j], coords[2 * j + 1], coords[2 * i], coords[2 * i + 1], x, y);
      if (edge === ON_EDGE) return BOUNDARY;
      if (edge === CROSSING) inside = !inside;
    }
  }
  return inside ? INSIDE : OUTSIDE;
}
