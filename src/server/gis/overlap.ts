import { intersection } from 'polyclip-ts';
import { area, bbox } from './measure.js';
import type { BBox, PolygonalGeometry } from './types.js';

/** Area in m² and share of `a` covered by `b`. */
export interface Overlap {
  area: number;
  share: number;
}

/** Whether two boxes share an area (touching along an edge or corner does not count). */
function boxesOverlap(a: BBox, b: BBox): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

/** Area in m² of the intersection of two WGS84 polygons or multipolygons. */
export function intersectionArea(a: PolygonalGeometry, b: PolygonalGeometry): number {
  if (!boxesOverlap(bbox(a), bbox(b))) return 0;
  const parts = intersection(a.coordinates, b.coordinates);
  return parts.length === 0 ? 0 : area({ type: 'MultiPolygon', coordinates: parts });
}

/** The intersection's area and its share of area(a), in [0, 1] (0 when a has no area). */
export function overlap(a: PolygonalGeometry, b: PolygonalGeometry): Overlap {
  const shared = intersectionArea(a, b);
  if (shared === 0) return { area: 0, share: 0 };
  const whole = area(a);
  return { area: shared, share: whole > 0 ? Math.min(1, shared / whole) : 0 };
}
