import { findNestedPart, ringSide } from './containment.js';
import { orient2d } from './orient.js';
import { findRingIntersection, type RingIntersection } from './self-intersection.js';
import type { PolygonalGeometry, Ring } from './types.js';

/** Why a geometry was refused. */
export type ValidationCode =
  | 'not_polygon'
  | 'too_few_points'
  | 'unclosed_ring'
  | 'non_finite'
  | 'out_of_range'
  | 'self_intersection'
  | 'zero_area'
  | 'hole_outside_shell';

/** The cleaned geometry, or the first problem found with a reason that says where. */
export type ValidationResult =
  | { ok: true; geometry: PolygonalGeometry }
  | { ok: false; reason: string; code: ValidationCode };

/** Options: autoClose (default true) closes open rings instead of refusing them. */
export interface ValidateOptions {
  autoClose?: boolean;
}

class Invalid extends Error {
  constructor(
    readonly code: ValidationCode,
    reason: string,
  ) {
    super(reason);
  }
}

/** A cleaned ring and, for each of its vertices, the index that vertex had in the input. */
interface CleanRing {
  ring: Ring;
  original: number[];
}

const isArray = Array.isArray;

function ringName(multi: boolean, polygon: number, ring: number): string {
  return multi ? `polygon ${polygon} ring ${ring}` : `ring ${ring}`;
}

/** Checks positions, drops consecutive duplicates (and z), closes the ring if allowed. */
function cleanRing(raw: unknown, name: string, autoClose: boolean): CleanRing {
  if (!isArray(raw)) throw new Invalid('not_polygon', `${name} is not an array of positions`);
  const ring: Ring = [];
  const original: number[] = [];
  raw.forEach((position: unknown, i) => {
    if (!isArray(position) || position.length < 2) {
      throw new Invalid('not_polygon', `${name} vertex ${i} is not a [longitude, latitude] pair`);
    }
    const [x, y] = position as unknown[];
    if ((typeof x !== 'number' && x !== null) || (typeof y !== 'number' && y !== null)) {
      throw new Invalid('not_polygon', `${name} vertex ${i} has a coordinate that is not a number`);
    }
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      throw new Invalid('non_finite', `${name} vertex ${i} has a non-finite coordinate (${x}, ${y})`);
    }
    const lng = x as number;
    const lat = y as number;
    if (Math.abs(lng) > 180 || Math.abs(lat) > 90) {
      throw new Invalid(
        'out_of_range',
        `${name} vertex ${i} (${lng}, ${lat}) is outside WGS84 longitude/latitude`,
      );
    }
    const last = ring.at(-1);
    if (last && last[0] === lng && last[1] === lat) return;
    ring.push([lng, lat]);
    original.push(i);
  });
  const first = ring[0];
  const last = ring.at(-1);
  if (first && last && ring.length > 1 && (first[0] !== last[0] || first[1] !== last[1])) {
    if (!autoClose)
      throw new Invalid('unclosed_ring', `${name} is not closed (its last vertex differs from its first)`);
    ring.push([first[0], first[1]]);
    original.push(original[0]);
  }
  if (ring.length < 4) {
    throw new Invalid(
      'too_few_points',
      `${name} has ${Math.max(ring.length - 1, 1)} distinct vertices; a ring needs at least 3 (4 positions, closed)`,
    );
  }
  return { ring, original };
}

/** Twice the signed planar area (positive counter-clockwise), taken about the first vertex for precision. */
function twiceSignedArea(ring: Ring): number {
  const [x0, y0] = ring[0];
  let sum = 0;
  for (let i = 1; i + 1 < ring.length; i++) {
    sum += (ring[i][0] - x0) * (ring[i + 1][1] - y0) - (ring[i + 1][0] - x0) * (ring[i][1] - y0);
  }
  return sum;
}

function isCollinear(ring: Ring): boolean {
  const [a, b] = ring;
  return ring.every((c) => orient2d(a[0], a[1], b[0], b[1], c[0], c[1]) === 0);
}

function describeIntersection(hit: RingIntersection, names: string[], vertexOf: number[][]): string {
  const va = vertexOf[hit.a.ring][hit.a.vertex];
  const vb = vertexOf[hit.b.ring][hit.b.vertex];
  const at = `near ${hit.at[0].toFixed(7)}, ${hit.at[1].toFixed(7)}`;
  const same = hit.a.ring === hit.b.ring;
  const [lo, hi] = va <= vb ? [va, vb] : [vb, va];
  if (hit.kind === 'spike') return `${names[hit.a.ring]} doubles back on itself at vertex ${vb} (${at})`;
  const verb = hit.kind === 'overlap' ? 'overlaps' : 'crosses';
  if (same) return `${names[hit.a.ring]} ${verb} itself between vertex ${lo} and vertex ${hi} (${at})`;
  return `${names[hit.a.ring]} (vertex ${va}) ${verb} ${names[hit.b.ring]} (vertex ${vb}) ${at}`;
}

/**
 * Checks a Polygon or MultiPolygon for import: shape, finite WGS84 coordinates, at least 4 positions per
 * closed ring, non-zero area, no crossing or overlapping edges (touching at a point is allowed), holes inside
 * their shell, parts not inside each other. On success returns a cleaned copy: 2D positions, consecutive
 * duplicates removed, rings closed, outer rings counter-clockwise and holes clockwise (RFC 7946).
 * Not detected: a hole inside another hole.
 */
export function validateGeometry(geometry: unknown, options: ValidateOptions = {}): ValidationResult {
  try {
    return { ok: true, geometry: validate(geometry, options.autoClose ?? true) };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, code: error.code, reason: error.message };
    throw error;
  }
}

function validate(geometry: unknown, autoClose: boolean): PolygonalGeometry {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (typeof g !== 'object' || g === null || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
    const type = typeof g === 'object' && g !== null ? String(g.type) : typeof g;
    throw new Invalid('not_polygon', `geometry type is ${type}, not Polygon or MultiPolygon`);
  }
  const multi = g.type === 'MultiPolygon';
  const raw = g.coordinates;
  if (!isArray(raw)) throw new Invalid('not_polygon', 'coordinates is not an array');
  const rawPolygons = (multi ? raw : [raw]) as unknown[];
  if (rawPolygons.length === 0) throw new Invalid('too_few_points', 'geometry has no polygons');
  const names: string[] = [];
  const vertexOf: number[][] = [];
  const all: Ring[] = [];
  const polygons = rawPolygons.map((rawRings, p) => {
    if (!isArray(rawRings)) throw new Invalid('not_polygon', `polygon ${p} is not an array of rings`);
    if (rawRings.length === 0)
      throw new Invalid('too_few_points', `${multi ? `polygon ${p}` : 'polygon'} has no rings`);
    return rawRings.map((rawRing, r) => {
      const name = ringName(multi, p, r);
      const { ring, original } = cleanRing(rawRing, name, autoClose);
      if (isCollinear(ring))
        throw new Invalid('zero_area', `${name} has zero area (all its vertices lie on one line)`);
      names.push(name);
      vertexOf.push(original);
      all.push(ring);
      return ring;
    });
  });
  const hit = findRingIntersection(all);
  if (hit) throw new Invalid('self_intersection', describeIntersection(hit, names, vertexOf));
  polygons.forEach((rings, p) => {
    for (let h = 1; h < rings.length; h++) {
      if (ringSide(rings[h], rings[0]) === 'outside') {
        const hole = ringName(multi, p, h);
        throw new Invalid(
          'hole_outside_shell',
          `${hole} (a hole) lies outside ${ringName(multi, p, 0)}, its outer ring`,
        );
      }
    }
  });
  const nested = findNestedPart(polygons);
  if (nested) throw new Invalid('self_intersection', `polygon ${nested[0]} lies inside polygon ${nested[1]}`);
  for (const rings of polygons) {
    rings.forEach((ring, r) => {
      if ((r === 0) !== twiceSignedArea(ring) > 0) ring.reverse();
    });
  }
  return multi
    ? { type: 'MultiPolygon', coordinates: polygons }
    : { type: 'Polygon', coordinates: polygons[0] };
}
