import fc from 'fast-check';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { area, bbox, centroid, representativePoint } from './measure.js';
import { pointInPolygon } from './point-in-polygon.js';
import { loadTehranDistricts, ring, withData } from './test-data.js';
import type { MultiPolygon, Polygon, PolygonalGeometry, Position } from './types.js';
import { polygonsOf } from './types.js';

const RAD = Math.PI / 180;

function square(x: number, y: number, size: number): Position[] {
  return [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ];
}

/** Area by the ellipsoid's own element M·N·cosφ·dφ·dλ, for a tiny cell. */
function ellipsoidCell(lat: number, dLng: number, dLat: number): number {
  const a = 6378137;
  const e2 = (1 / 298.257223563) * (2 - 1 / 298.257223563);
  const s2 = Math.sin(lat * RAD) ** 2;
  const n = a / Math.sqrt(1 - e2 * s2);
  const m = (a * (1 - e2)) / (1 - e2 * s2) ** 1.5;
  return m * n * Math.cos(lat * RAD) * dLat * RAD * dLng * RAD;
}

/** Planar area after a Lambert azimuthal equal-area projection (ellipsoidal) centred on the polygon. proj4js needs x_0/y_0 spelled out or it returns NaN. */
function laeaArea(polygon: PolygonalGeometry): number {
  const [lng, lat] = centroid(polygon);
  const toLaea = proj4(
    'EPSG:4326',
    `+proj=laea +lat_0=${lat} +lon_0=${lng} +x_0=0 +y_0=0 +datum=WGS84 +units=m`,
  ).forward;
  let total = 0;
  for (const rings of polygonsOf(polygon)) {
    rings.forEach((ring, r) => {
      const xy = ring.map((p) => toLaea([p[0], p[1]]));
      let twice = 0;
      for (let i = 0; i + 1 < xy.length; i++) twice += xy[i][0] * xy[i + 1][1] - xy[i + 1][0] * xy[i][1];
      total += r === 0 ? Math.abs(twice / 2) : -Math.abs(twice / 2);
    });
  }
  return total;
}

describe('area', () => {
  it('measures a 0.001° square at Tehran latitude within 0.5% of 90.2 m × 111.0 m', () => {
    const a = area({ type: 'Polygon', coordinates: [square(51.389, 35.7, 0.001)] });
    expect(Math.abs(a - 90.2 * 111.0) / (90.2 * 111.0)).toBeLessThan(0.005);
    // And within 0.01% of the ellipsoid itself.
    expect(Math.abs(a - ellipsoidCell(35.7005, 0.001, 0.001)) / a).toBeLessThan(1e-4);
  });

  it('stays within 0.01% of the ellipsoid from the equator to Moscow', () => {
    for (const lat of [0, 25, 35.7, 45, 55.7]) {
      const a = area({ type: 'Polygon', coordinates: [square(40, lat, 0.01)] });
      expect(Math.abs(a - ellipsoidCell(lat + 0.005, 0.01, 0.01)) / a).toBeLessThan(1e-4);
    }
  });

  it('subtracts holes, ignores orientation and adds multipolygon parts', () => {
    const outer = square(51, 35, 0.01);
    const hole = square(51.0025, 35.0025, 0.005);
    const full = area({ type: 'Polygon', coordinates: [outer] });
    const holed = area({ type: 'Polygon', coordinates: [outer, hole] });
    expect(holed / full).toBeCloseTo(0.75, 3);
    expect(area({ type: 'Polygon', coordinates: [[...outer].reverse(), hole] })).toBeCloseTo(holed, 6);
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [[outer], [square(52, 35, 0.01)]] };
    expect(area(multi)).toBeCloseTo(2 * full, -1);
  });

  withData(
    'agrees with an ellipsoidal equal-area projection on every Tehran district within 0.01%',
    async () => {
      const districts = await loadTehranDistricts();
      let total = 0;
      for (const { geometry } of districts) {
        const a = area(geometry);
        expect(Math.abs(a - laeaArea(geometry)) / a).toBeLessThan(1e-4);
        total += a;
      }
      // The 22 districts cover Tehran, about 600 km² (730 km² including the northern mountains).
      expect(total / 1e6).toBeGreaterThan(550);
      expect(total / 1e6).toBeLessThan(800);
    },
  );
});

describe('bbox and centroid', () => {
  it('bounds every ring and finds the centre of a symmetric shape', () => {
    const polygon: Polygon = {
      type: 'Polygon',
      coordinates: [square(51, 35, 0.02), square(51.005, 35.005, 0.01)],
    };
    expect(bbox(polygon)).toEqual([51, 35, 51.02, 35.02]);
    const [x, y] = centroid(polygon);
    expect(x).toBeCloseTo(51.01, 9);
    expect(y).toBeCloseTo(35.01, 9);
  });

  it('weights an L-shape by area', () => {
    // Two unit squares side by side plus one on top of the left one: centroid (5/6, 5/6) in cell units.
    const l: Polygon = {
      type: 'Polygon',
      coordinates: [ring('0 0, 2 0, 2 1, 1 1, 1 2, 0 2, 0 0')],
    };
    const [x, y] = centroid(l);
    expect(x).toBeCloseTo(5 / 6, 3);
    expect(y).toBeCloseTo(5 / 6, 2);
  });
});

describe('representativePoint', () => {
  it('is inside a C-shape whose centroid is not', () => {
    const c: Polygon = {
      type: 'Polygon',
      coordinates: [ring('0 0, 3 0, 3 1, 1 1, 1 2, 3 2, 3 3, 0 3, 0 0')],
    };
    expect(pointInPolygon(centroid(c), c)).not.toBe('inside');
    expect(pointInPolygon(representativePoint(c), c)).toBe('inside');
  });

  it('avoids a hole at the centre and works when the centre scanline runs through vertices', () => {
    const donut: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 4), square(1, 1, 2)] };
    expect(pointInPolygon(representativePoint(donut), donut)).toBe('inside');
    const diamond: Polygon = {
      type: 'Polygon',
      coordinates: [ring('0 1, 1 0, 2 1, 1 2, 0 1')],
    };
    expect(pointInPolygon(representativePoint(diamond), diamond)).toBe('inside');
  });

  it('picks the largest part of a multipolygon', () => {
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(5, 5, 3)]] };
    const [x, y] = representativePoint(multi);
    expect(x).toBeGreaterThan(5);
    expect(y).toBeGreaterThan(5);
  });

  it('is always inside a random star-shaped polygon', () => {
    const star = fc
      .array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 3, maxLength: 40 })
      .chain((radii) =>
        fc.tuple(
          fc.constant(radii),
          fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
            minLength: radii.length,
            maxLength: radii.length,
          }),
        ),
      );
    fc.assert(
      fc.property(
        star,
        fc.double({ min: -170, max: 170, noNaN: true }),
        fc.double({ min: -80, max: 80, noNaN: true }),
        ([radii, jitter], cx, cy) => {
          // Angles increase strictly around the centre, so the ring is simple and star-shaped.
          const n = radii.length;
          const ring: Position[] = radii.map((r, k) => {
            const t = ((k + 0.1 + 0.8 * jitter[k]) / n) * 2 * Math.PI;
            return [cx + 0.01 * r * Math.cos(t), cy + 0.01 * r * Math.sin(t)];
          });
          ring.push(ring[0]);
          const polygon: Polygon = { type: 'Polygon', coordinates: [ring] };
          expect(pointInPolygon(representativePoint(polygon), polygon)).toBe('inside');
        },
      ),
      { numRuns: 500 },
    );
  });

  withData('is inside every Tehran district', async () => {
    for (const { geometry } of await loadTehranDistricts()) {
      expect(pointInPolygon(representativePoint(geometry), geometry)).toBe('inside');
    }
  });
});
