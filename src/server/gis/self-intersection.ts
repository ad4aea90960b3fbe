import { orient2d } from './orient.js';
import type { Position } from './types.js';

/** An edge, named by its ring and the index of its first vertex there. */
export interface EdgeRef {
  ring: number;
  vertex: number;
}

/** Where two ring edges meet improperly. */
export interface RingIntersection {
  kind: 'cross' | 'overlap' | 'spike';
  a: EdgeRef;
  b: EdgeRef;
  at: Position;
}

type Rings = readonly (readonly Position[])[];

/** Angle of q seen from v, in [0, 2π). */
function angle(v: Position, q: Position): number {
  const t = Math.atan2(q[1] - v[1], q[0] - v[0]);
  return t < 0 ? t + 2 * Math.PI : t;
}

/** Whether two passes of rings through the shared point v (p1→v→n1 and p2→v→n2) cross there. */
function crossesAtVertex(v: Position, p1: Position, n1: Position, p2: Position, n2: Position): boolean {
  const from = angle(v, p1);
  const span = (angle(v, n1) - from + 2 * Math.PI) % (2 * Math.PI);
  const side = (q: Position) => {
    const d = (angle(v, q) - from + 2 * Math.PI) % (2 * Math.PI);
    return d === 0 || d === span ? 0 : d < span ? 1 : -1;
  };
  const s2 = side(p2);
  const s3 = side(n2);
  return s2 !== 0 && s3 !== 0 && s2 !== s3;
}

const vertexAt = (rings: Rings, r: number, i: number): Position => {
  const n = rings[r].length - 1;
  return rings[r][((i % n) + n) % n];
};

/** Adjacent edges (first ends where second starts) conflict only when the ring turns straight back. */
function spike(rings: Rings, first: EdgeRef, second: EdgeRef): RingIntersection | null {
  const o = vertexAt(rings, first.ring, first.vertex);
  const v = vertexAt(rings, second.ring, second.vertex);
  const t = vertexAt(rings, second.ring, second.vertex + 1);
  const back = (o[0] - v[0]) * (t[0] - v[0]) + (o[1] - v[1]) * (t[1] - v[1]) > 0;
  return back && orient2d(o[0], o[1], v[0], v[1], t[0], t[1]) === 0
    ? { kind: 'spike', a: first, b: second, at: [v[0], v[1]] }
    : null;
}

/** Two non-adjacent edges p-q (a) and u-w (b) whose boxes overlap. */
function meet(rings: Rings, a: EdgeRef, b: EdgeRef): RingIntersection | null {
  const [p, q, u, w] = [vertexAt(rings, a.ring, a.vertex), vertexAt(rings, a.ring, a.vertex + 1)].concat([
    vertexAt(rings, b.ring, b.vertex),
    vertexAt(rings, b.ring, b.vertex + 1),
  ]);
  const o1 = orient2d(p[0], p[1], q[0], q[1], u[0], u[1]);
  const o2 = orient2d(p[0], p[1], q[0], q[1], w[0], w[1]);
  if (o1 * o2 > 0) return null;
  const o3 = orient2d(u[0], u[1], w[0], w[1], p[0], p[1]);
  const o4 = orient2d(u[0], u[1], w[0], w[1], q[0], q[1]);
  if (o3 * o4 > 0) return null;
  if (o1 === 0 && o2 === 0) {
    const axis = p[0] !== q[0] ? 0 : 1;
    const lo = Math.max(Math.min(p[axis], q[axis]), Math.min(u[axis], w[axis]));
    const hi = Math.min(Math.max(p[axis], q[axis]), Math.max(u[axis], w[axis]));
    const at = [p, q, u, w].find((c) => c[axis] === lo) ?? p;
    return hi > lo ? { kind: 'overlap', a, b, at: [at[0], at[1]] } : null;
  }
  if (o1 * o2 < 0 && o3 * o4 < 0) {
    const t =
      ((u[0] - p[0]) * (w[1] - u[1]) - (u[1] - p[1]) * (w[0] - u[0])) /
      ((q[0] - p[0]) * (w[1] - u[1]) - (q[1] - p[1]) * (w[0] - u[0]));
    return { kind: 'cross', a, b, at: [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])] };
  }
  // They touch: an endpoint of one lies on the other. Crossing if the paths go to opposite sides there.
  const onA = o1 === 0 ? b.vertex : o2 === 0 ? b.vertex + 1 : -1;
  const onB = o3 === 0 ? a.vertex : o4 === 0 ? a.vertex + 1 : -1;
  let crossing: boolean;
  let v: Position;
  if (onA >= 0 && onB >= 0) {
    v = vertexAt(rings, a.ring, onB);
    const before = (r: number, i: number) => vertexAt(rings, r, i - 1);
    const after = (r: number, i: number) => vertexAt(rings, r, i + 1);
    crossing = crossesAtVertex(
      v,
      before(a.ring, onB),
      after(a.ring, onB),
      before(b.ring, onA),
      after(b.ring, onA),
    );
  } else {
    const [edge, ring, vertex] = onA >= 0 ? [a, b.ring, onA] : [b, a.ring, onB];
    const s = vertexAt(rings, edge.ring, edge.vertex);
    const t = vertexAt(rings, edge.ring, edge.vertex + 1);
    const [before, after] = [vertexAt(rings, ring, vertex - 1), vertexAt(rings, ring, vertex + 1)];
    v = vertexAt(rings, ring, vertex);
    crossing =
      orient2d(s[0], s[1], t[0], t[1], before[0], before[1]) *
        orient2d(s[0], s[1], t[0], t[1], after[0], after[1]) <
      0;
  }
  return crossing ? { kind: 'cross', a, b, at: [v[0], v[1]] } : null;
}

/**
 * The first improper meeting of edges among closed rings without consecutive duplicates: two edges
 * crossing, overlapping along a stretch, a ring doubling back on itself (spike), or a ring passing through a
 * vertex or edge of another (or of itself) to the other side. Rings touching at a point are accepted.
 * Sort-and-sweep over the edges' x-extents (pairwise for small rings), with exact orientation tests.
 */
export function findRingIntersection(rings: Rings): RingIntersection | null {
  let total = 0;
  for (const ring of rings) total += ring.length - 1;
  const ringOf = new Uint32Array(total);
  const vertexOf = new Uint32Array(total);
  const box = new Float64Array(total * 4);
  let k = 0;
  rings.forEach((ring, r) => {
    for (let i = 0; i + 1 < ring.length; i++, k++) {
      ringOf[k] = r;
      vertexOf[k] = i;
      box[4 * k] = Math.min(ring[i][0], ring[i + 1][0]);
      box[4 * k + 1] = Math.min(ring[i][1], ring[i + 1][1]);
      box[4 * k + 2] = Math.max(ring[i][0], ring[i + 1][0]);
      box[4 * k + 3] = Math.max(ring[i][1], ring[i + 1][1]);
    }
  });
  // Small rings (most parcels) are cheaper to test pairwise than to sort.
  const sorted = total > 24;
  const order = new Uint32Array(total);
  for (let i = 0; i < total; i++) order[i] = i;
  if (sorted) order.sort((a, b) => box[4 * a] - box[4 * b]);
  for (let i = 0; i < total; i++) {
    const e = order[i];
    for (let j = i + 1; j < total; j++) {
      const f = order[j];
      if (box[4 * f] > box[4 * e + 2]) {
        if (sorted) break;
        continue;
      }
      if (box[4 * f + 2] < box[4 * e] || box[4 * f + 1] > box[4 * e + 3] || box[4 * f + 3] < box[4 * e + 1])
        continue;
      const a = { ring: ringOf[e], vertex: vertexOf[e] };
      const b = { ring: ringOf[f], vertex: vertexOf[f] };
      const n = rings[a.ring].length - 1;
      let found: RingIntersection | null;
      if (a.ring === b.ring && (a.vertex + 1) % n === b.vertex) found = spike(rings, a, b);
      else if (a.ring === b.ring && (b.vertex + 1) % n === a.vertex) found = spike(rings, b, a);
      else found = meet(rings, a, b);
      if (found) return found;
    }
  }
  return null;
}
