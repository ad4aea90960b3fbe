import type { PolygonalGeometry, Position, Ring } from './types.js';

/** Squared distance from p to the segment a-b. */
function segmentDistance2(p: Position, a: Position, b: Position): number {
  let [x, y] = a;
  let dx = b[0] - x;
  let dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((p[0] - x) * dx + (p[1] - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) [x, y] = b;
    else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = p[0] - x;
  dy = p[1] - y;
  return dx * dx + dy * dy;
}

/** Douglas-Peucker over points[first..last], marking kept vertices; iterative so long rings cannot overflow. */
function markKept(
  points: readonly Position[],
  first: number,
  last: number,
  tol2: number,
  keep: Uint8Array,
): void {
  const stack = [first, last];
  while (stack.length > 0) {
    const end = stack.pop()!;
    const start = stack.pop()!;
    let worst = 0;
    let index = -1;
    for (let i = start + 1; i < end; i++) {
      const d = segmentDistance2(points[i], points[start], points[end]);
      if (d > worst) {
        worst = d;
        index = i;
      }
    }
    if (index >= 0 && worst > tol2) {
      keep[index] = 1;
      stack.push(start, index, index, end);
    }
  }
}

/** A closed ring simplified, or null when it collapses below 4 positions or to no area. */
export function simplifyRing(ring: Ring, tolerance: number): Ring | null {
  const n = ring.length;
  if (n <= 4) return ring;
  // A closed ring's ends coincide, so split it at the vertex farthest from the start.
  let far = 1;
  let farthest = -1;
  for (let i = 1; i < n - 1; i++) {
    const d = (ring[i][0] - ring[0][0]) ** 2 + (ring[i][1] - ring[0][1]) ** 2;
    if (d > farthest) {
      farthest = d;
      far = i;
    }
  }
  const keep = new Uint8Array(n);
  keep[0] = keep[far] = keep[n - 1] = 1;
  const tol2 = tolerance * tolerance;
  markKept(ring, 0, far, tol2, keep);
  markKept(ring, far, n - 1, tol2, keep);
  const out = ring.filter((_, i) => keep[i] === 1);
  return out.length >= 4 && ringTwiceArea(out) !== 0 ? out : null;
}

function ringTwiceArea(ring: Ring): number {
  let sum = 0;
  for (let i = 1; i + 1 < ring.length; i++) {
    sum += (ring[i][0] - ring[0][0]) * (ring[i + 1][1] - ring[0][1]);
    sum -= (ring[i + 1][0] - ring[0][0]) * (ring[i][1] - ring[0][1]);
  }
  return sum;
}

function mapPolygons(geometry: PolygonalGeometry, f: (rings: Ring[]) => Ring[]): PolygonalGeometry {
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: f(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(f) };
}

/**
 * Douglas-Peucker simplification for map display at low zoom, tolerance in degrees. Every ring stays
 * closed with at least 4 positions: a shell that would collapse is kept as it was, a hole is dropped.
 * Simplification can still make edges cross in rare cases, so the result is for drawing, not for analysis.
 */
export function simplifyGeometry(geometry: PolygonalGeometry, tolerance: number): PolygonalGeometry {
  return mapPolygons(geometry, (rings) =>
    rings.flatMap((ring, r) => {
      const simpler = simplifyRing(ring, tolerance);
      return simpler ? [simpler] : r === 0 ? [ring] : [];
    }),
  );
}

/**
 * Coordinates rounded to `decimals` places (7 ≈ 1 cm, 5 ≈ 1 m), dropping vertices that rounding merges.
 * A ring that rounding would collapse keeps its unrounded positions if a shell, and is dropped if a hole.
 */
export function roundCoordinates(geometry: PolygonalGeometry, decimals: number): PolygonalGeometry {
  const scale = 10 ** decimals;
  const round = (v: number) => Math.round(v * scale) / scale;
  return mapPolygons(geometry, (rings) =>
    rings.flatMap((ring, r) => {
      const out: Ring = [];
      for (const [x, y] of ring) {
        const p: Position = [round(x), round(y)];
        const last = out.at(-1);
        if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
      }
      if (out.length >= 4 && ringTwiceArea(out) !== 0) return [out];
      return r === 0 ? [ring] : [];
    }),
  );
}
