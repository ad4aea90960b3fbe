import { pointInRing } from './point-in-polygon.js';
import type { BBox, PointLocation, Ring } from './types.js';

/**
 * Where ring `inner` lies relative to ring `outer`, judged at its first vertex or edge midpoint that is not
 * on outer's boundary. Meaningful only when the rings do not cross.
 */
export function ringSide(inner: Ring, outer: Ring): PointLocation {
  for (let i = 0; i + 1 < inner.length; i++) {
    const [x, y] = inner[i];
    const at = pointInRing(x, y, outer);
    if (at !== 'boundary') return at;
    const mid = pointInRing((x + inner[i + 1][0]) / 2, (y + inner[i + 1][1]) / 2, outer);
    if (mid !== 'boundary') return mid;
  }
  return 'boundary';
}

function ringBox(ring: Ring): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
  }
  return box;
}

/**
 * [j, i] when part j of a MultiPolygon lies inside part i (and not in one of i's holes), else null.
 * Assumes no edges cross, so one point of j decides.
 */
export function findNestedPart(polygons: Ring[][]): [number, number] | null {
  if (polygons.length < 2) return null;
  const boxes = polygons.map(([shell]) => ringBox(shell));
  for (let i = 0; i < polygons.length; i++) {
    const a = boxes[i];
    for (let j = 0; j < polygons.length; j++) {
      const b = boxes[j];
      if (i === j || a[0] > b[0] || a[1] > b[1] || a[2] < b[2] || a[3] < b[3]) continue;
      if (ringSide(polygons[j][0], polygons[i][0]) !== 'inside') continue;
      const inHole = polygons[i].slice(1).some((hole) => ringSide(polygons[j][0], hole) !== 'outside');
      if (!inHole) return [j, i];
    }
  }
  return null;
}
