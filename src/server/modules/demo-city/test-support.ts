import type { Point } from './geometry.js';

/** True when two convex polygons overlap by more than `tolerance` metres (separating axis test). */
export function convexOverlap(a: readonly Point[], b: readonly Point[], tolerance: number): boolean {
  for (const ring of [a, b]) {
    for (let i = 0; i < ring.length; i++) {
      const p = ring[i];
      const q = ring[(i + 1) % ring.length];
      const length = Math.hypot(q.x - p.x, q.y - p.y);
      const axis = { x: (p.y - q.y) / length, y: (q.x - p.x) / length };
      const project = (points: readonly Point[]) =>
        points.map((point) => point.x * axis.x + point.y * axis.y);
      const [pa, pb] = [project(a), project(b)];
      const overlap = Math.min(Math.max(...pa), Math.max(...pb)) - Math.max(Math.min(...pa), Math.min(...pb));
      if (overlap <= tolerance) return false;
    }
  }
  return true;
}

/** Groups items by key, in first-seen order (Map.groupBy needs Node 21). */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
