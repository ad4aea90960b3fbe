import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openGeoJson } from './read-geojson.js';
import { MINNEAPOLIS_GEOJSON, ring, TEHRAN_DISTRICTS, withData } from './test-data.js';
import type { Polygon, Position } from './types.js';
import { validateGeometry } from './validate.js';

const polygon = (...rings: Position[][]) => ({ type: 'Polygon', coordinates: rings });
const square = (x: number, y: number, s: number): Position[] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];

function failure(geometry: unknown) {
  const result = validateGeometry(geometry);
  if (result.ok) throw new Error('expected the geometry to be refused');
  return result;
}

function accepted(geometry: unknown) {
  const result = validateGeometry(geometry);
  if (!result.ok) throw new Error(`expected the geometry to be accepted: ${result.reason}`);
  return result.geometry;
}

/** Twice the signed area: positive counter-clockwise. */
const signed = (ring: Position[]) =>
  ring.slice(0, -1).reduce((sum, [x, y], i) => sum + x * ring[i + 1][1] - ring[i + 1][0] * y, 0);

describe('validateGeometry refuses', () => {
  it('a bow-tie, naming the crossing edges', () => {
    const result = failure(polygon(ring('0 0, 2 2, 2 0, 0 2, 0 0')));
    expect(result.code).toBe('self_intersection');
    expect(result.reason).toMatch(
      /^ring 0 crosses itself between vertex 0 and vertex 2 \(near 1\.0+, 1\.0+\)$/,
    );
  });

  it('a ring with only 3 positions, NaN, a latitude of 95', () => {
    expect(failure(polygon(ring('0 0, 1 1, 0 0'))).code).toBe('too_few_points');
    expect(
      failure(
        polygon([
          [0, 0],
          [1, 0],
          [Number.NaN, 1],
          [0, 0],
        ]),
      ),
    ).toMatchObject({
      code: 'non_finite',
      reason: 'ring 0 vertex 2 has a non-finite coordinate (NaN, 1)',
    });
    expect(failure(polygon(ring('0 0, 1 0, 1 95, 0 0'))).code).toBe('out_of_range');
    expect(
      failure(
        polygon([
          [0, 0],
          [1, 0],
          [null as never, 1],
          [0, 0],
        ]),
      ).code,
    ).toBe('non_finite');
  });

  it('a hole outside its shell, and a hole crossing it', () => {
    expect(failure(polygon(square(0, 0, 1), square(5, 5, 1)))).toMatchObject({
      code: 'hole_outside_shell',
      reason: 'ring 1 (a hole) lies outside ring 0, its outer ring',
    });
    const crossing = failure(polygon(square(0, 0, 2), square(1, 1, 2)));
    expect(crossing.code).toBe('self_intersection');
    expect(crossing.reason).toMatch(
      /^ring 0 \(vertex \d\) crosses ring 1 \(vertex \d\)|^ring 1 \(vertex \d\) crosses ring 0/,
    );
  });

  it('a collinear ring, a spike, edges overlapping, and a ring crossing itself at a shared vertex', () => {
    expect(failure(polygon(ring('0 0, 1 1, 2 2, 0 0'))).code).toBe('zero_area');
    expect(failure(polygon(ring('0 0, 2 0, 2 2, 2 3, 2 1, 0 2, 0 0')))).toMatchObject({
      code: 'self_intersection',
    });
    const spike = failure(polygon(ring('0 0, 2 0, 3 0, 2 0, 2 2, 0 2, 0 0')));
    expect(spike.reason).toMatch(/doubles back on itself at vertex 2|overlaps itself/);
    // A figure 8 through an explicit middle vertex: the two loops cross there.
    expect(failure(polygon(ring('0 0, 1 1, 2 2, 2 0, 1 1, 0 2, 0 0'))).code).toBe('self_intersection');
  });

  it('non-polygons, open rings when asked, and multipolygon parts inside each other', () => {
    expect(failure({ type: 'Point', coordinates: [0, 0] }).code).toBe('not_polygon');
    expect(failure(null).code).toBe('not_polygon');
    expect(failure({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], 'x', [0, 0]]] }).code).toBe(
      'not_polygon',
    );
    const open = validateGeometry(polygon(ring('0 0, 1 0, 1 1, 0 1')), { autoClose: false });
    expect(open).toMatchObject({ ok: false, code: 'unclosed_ring' });
    const nested = failure({ type: 'MultiPolygon', coordinates: [[square(0, 0, 4)], [square(1, 1, 1)]] });
    expect(nested).toMatchObject({ code: 'self_intersection', reason: 'polygon 1 lies inside polygon 0' });
    expect(
      failure({
        type: 'MultiPolygon',
        coordinates: [[square(0, 0, 1)], [ring('0 0, 1 1, 0 0')]],
      }).reason,
    ).toMatch(/^polygon 1 ring 0 /);
  });
});

describe('validateGeometry accepts and cleans', () => {
  it('closes open rings, drops repeated vertices and z, and orients rings as RFC 7946 says', () => {
    const clockwiseShell = [
      [0, 0, 5],
      [0, 4, 5],
      [0, 4, 5],
      [4, 4],
      [4, 0],
    ] as Position[];
    const counterClockwiseHole = square(1, 1, 1);
    const result = accepted(polygon(clockwiseShell, counterClockwiseHole)) as Polygon;
    const [shell, hole] = result.coordinates;
    expect(shell).toHaveLength(5);
    expect(shell[0]).toEqual(shell[4]);
    expect(shell.every((p) => p.length === 2)).toBe(true);
    expect(signed(shell)).toBeGreaterThan(0);
    expect(signed(hole)).toBeLessThan(0);
  });

  it('rings touching at a point: a hole touching its shell, a ring pinched at one vertex', () => {
    accepted(polygon(square(0, 0, 4), ring('0 0, 1 2, 2 1, 0 0')));
    accepted(polygon(ring('0 0, 4 0, 4 4, 2 2, 3 1, 1 1, 2 2, 0 4, 0 0')));
    accepted({
      type: 'MultiPolygon',
      coordinates: [[square(0, 0, 1)], [square(1, 1, 1)], [square(3, 3, 1), square(3.2, 3.2, 0.2)]],
    });
  });

  it('matches a brute-force crossing test on random polygons in general position', () => {
    const coordinate = fc.integer({ min: 0, max: 1000 });
    fc.assert(
      fc.property(fc.array(fc.tuple(coordinate, coordinate), { minLength: 3, maxLength: 9 }), (points) => {
        // No three vertices on a line (integers, so exact): crossings are then the only possible fault.
        for (let i = 0; i < points.length; i++) {
          for (let j = i + 1; j < points.length; j++) {
            for (let k = j + 1; k < points.length; k++) fc.pre(side(points[i], points[j], points[k]) !== 0);
          }
        }
        // Divided by 16 to stay in latitude range, exactly.
        const closed = [...points, points[0]].map(([x, y]) => [x / 16, y / 16]) as Position[];
        const result = validateGeometry(polygon(closed));
        const n = points.length;
        let crosses = false;
        for (let i = 0; i < n; i++) {
          for (let j = i + 2; j < n; j++) {
            if (i === 0 && j === n - 1) continue;
            crosses ||= properlyCross(closed[i], closed[i + 1], closed[j], closed[j + 1]);
          }
        }
        expect(result.ok ? 'ok' : result.code).toBe(crosses ? 'self_intersection' : 'ok');
      }),
      { numRuns: 2000 },
    );
  });

  // How fast is measured in bench/ (npm run bench:zoning imports a million parcels); here, that they pass.
  it('accepts 100,000 ten-vertex parcels and a 50,000-vertex ring', () => {
    for (let k = 0; k < 100_000; k++) {
      const parcel: Position[] = [];
      for (let i = 0; i < 10; i++) {
        const a = (i / 10) * 2 * Math.PI;
        parcel.push([
          51.3 + (k % 1000) * 1e-3 + 1e-4 * Math.cos(a),
          35.7 + Math.floor(k / 1000) * 1e-3 + 1e-4 * Math.sin(a),
        ]);
      }
      parcel.push(parcel[0]);
      accepted(polygon(parcel));
    }
    const circle: Position[] = Array.from({ length: 50_000 }, (_, i) => {
      const a = (i / 50_000) * 2 * Math.PI;
      return [51.4 + 0.1 * Math.cos(a), 35.7 + 0.1 * Math.sin(a)];
    });
    circle.push(circle[0]);
    accepted(polygon(circle));
  });
});

function side(a: number[], b: number[], c: number[]): number {
  return Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
}

function properlyCross(p: Position, q: Position, u: Position, w: Position): boolean {
  return side(p, q, u) * side(p, q, w) < 0 && side(u, w, p) * side(u, w, q) < 0;
}

describe('real layers', () => {
  withData.each([
    ['Tehran districts', TEHRAN_DISTRICTS, 22],
    ['Minneapolis zoning', MINNEAPOLIS_GEOJSON, 2193],
  ])('accepts every polygon of %s', async (_, path, count) => {
    const problems: string[] = [];
    let seen = 0;
    for await (const { index, feature } of (await openGeoJson(path)).features()) {
      seen++;
      const result = validateGeometry(feature.geometry);
      if (!result.ok) problems.push(`feature ${index}: ${result.code}: ${result.reason}`);
    }
    expect(seen).toBe(count);
    expect(problems).toEqual([]);
  });
});
