import type { BBox, PolygonalGeometry, Position } from './types.js';
import { polygonsOf } from './types.js';

export { representativePoint } from './representative-point.js';

const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const E = Math.sqrt(E2);
const RAD = Math.PI / 180;

/** Authalic function q(φ) of the WGS84 ellipsoid (Snyder, Map Projections, eq. 3-12). */
function authalicQ(sinPhi: number): number {
  return (
    (1 - E2) *
    (sinPhi / (1 - E2 * sinPhi * sinPhi) - (1 / (2 * E)) * Math.log((1 - E * sinPhi) / (1 + E * sinPhi)))
  );
}

const QP = authalicQ(1);
/** Radius of the sphere with the same surface area as the WGS84 ellipsoid (about 6,371,007 m). */
export const AUTHALIC_RADIUS = A * Math.sqrt(QP / 2);

/**
 * Signed area in m² of one ring, positive when counter-clockwise. Vertices go through the exact equal-area
 * map of the ellipsoid onto the authalic sphere (sin β = q/qp, a cylindrical equal-area projection), and the
 * shoelace formula runs there. The only approximation is that edges are straight in that projection instead
 * of in longitude/latitude: under 0.01% for city-size polygons (a 10 km district), where the mean-radius
 * spherical excess that turf uses is off by up to 0.5% depending on latitude.
 */
export function ringArea(ring: readonly Position[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  const lng0 = ring[0][0];
  const s0 = authalicQ(Math.sin(ring[0][1] * RAD)) / QP;
  let twice = 0;
  let px = 0;
  let py = 0;
  for (let i = 1; i <= n; i++) {
    const p = ring[i % n];
    const x = (p[0] - lng0) * RAD;
    const y = authalicQ(Math.sin(p[1] * RAD)) / QP - s0;
    twice += px * y - x * py;
    px = x;
    py = y;
  }
  return (twice / 2) * AUTHALIC_RADIUS * AUTHALIC_RADIUS;
}

/** Area in m² of a WGS84 Polygon or MultiPolygon, holes subtracted, whatever the rings' orientation. */
export function area(geometry: PolygonalGeometry): number {
  let total = 0;
  for (const rings of polygonsOf(geometry)) {
    rings.forEach((ring, r) => {
      total += r === 0 ? Math.abs(ringArea(ring)) : -Math.abs(ringArea(ring));
    });
  }
  return total;
}

/** Bounding box [minLng, minLat, maxLng, maxLat] of all rings. */
export function bbox(geometry: PolygonalGeometry): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const rings of polygonsOf(geometry)) {
    for (const ring of rings) {
      for (const [x, y] of ring) {
        if (x < minX) minX = x;
        if (y < minY) minY = y;
        if (x > maxX) maxX = x;
        if (y > maxY) maxY = y;
      }
    }
  }
  return [minX, minY, maxX, maxY];
}

/**
 * Area-weighted centroid (holes subtracted), computed in a local equirectangular frame, which is accurate
 * for city-size polygons. Not necessarily inside the polygon: see representativePoint for that.
 */
export function centroid(geometry: PolygonalGeometry): Position {
  const first = polygonsOf(geometry)[0]?.[0]?.[0];
  if (!first) return [Number.NaN, Number.NaN];
  const [lng0, lat0] = first;
  const kx = Math.cos(lat0 * RAD);
  let sumA = 0;
  let sumX = 0;
  let sumY = 0;
  let vertexX = 0;
  let vertexY = 0;
  let vertices = 0;
  for (const rings of polygonsOf(geometry)) {
    rings.forEach((ring, r) => {
      let twice = 0;
      let cx = 0;
      let cy = 0;
      const n = ring.length;
      for (let i = 0, j = n - 1; i < n; j = i++) {
        const ax = (ring[j][0] - lng0) * kx;
        const ay = ring[j][1] - lat0;
        const bx = (ring[i][0] - lng0) * kx;
        const by = ring[i][1] - lat0;
        const cross = ax * by - bx * ay;
        twice += cross;
        cx += (ax + bx) * cross;
        cy += (ay + by) * cross;
        vertexX += bx;
        vertexY += by;
        vertices++;
      }
      // Shells add and holes subtract, whichever way each ring winds.
      const sign = (r === 0) === twice >= 0 ? 1 : -1;
      sumA += (sign * twice) / 2;
      sumX += (sign * cx) / 6;
      sumY += (sign * cy) / 6;
    });
  }
  if (sumA === 0) return [lng0 + vertexX / vertices / kx, lat0 + vertexY / vertices];
  return [lng0 + sumX / sumA / kx, lat0 + sumY / sumA];
}
