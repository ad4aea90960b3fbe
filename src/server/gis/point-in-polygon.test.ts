import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orient2d } from './orient.js';
import { BOUNDARY, INSIDE, OUTSIDE, pointInFlatRings, pointInPolygon } from './point-in-polygon.js';
import { ring } from './test-data.js';
import type { MultiPolygon, Polygon, Position } from './types.js';

// A 10×10 square with a 2×2 hole in the middle (outer counter-clockwise, hole clockwise).
const withHole: Polygon = {
  type: 'Polygon',
  coordinates: [ring('0 0, 10 0, 10 10, 0 10, 0 0'), ring('4 4, 4 6, 6 6, 6 4, 4 4')],
};

const diamond: Polygon = {
  type: 'Polygon',
  coordinates: [ring('0 2, 2 0, 4 2, 2 4, 0 2')],
};

const twoParts: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [[ring('0 0, 1 0, 1 1, 0 1, 0 0')], [ring('5 5, 7 5, 7 7, 5 7, 5 5')]],
};

/** The same polygon as flat open rings, for the index variant. */
function flatten(polygon: Polygon): { coords: Float64Array; ringStart: Uint32Array } {
  const points = polygon.coordinates.flatMap((ring) => ring.slice(0, -1));
  const starts = [0];
  for (const ring of polygon.coordinates) starts.push(starts.at(-1)! + ring.length - 1);
  return { coords: new Float64Array(points.flat()), ringStart: new Uint32Array(starts) };
}

function flatLocation(polygon: Polygon, [x, y]: Position): string {
  const { coords, ringStart } = flatten(polygon);
  const code = pointInFlatRings(coords, ringStart, 0, ringStart.length - 1, x, y);
  return code === INSIDE ? 'inside' : code === BOUNDARY ? 'boundary' : code === OUTSIDE ? 'outside' : '?';
}

describe('pointInPolygon', () => {
  const cases: [string, Polygon, Position, string][] = [
    ['inside', withHole, [1, 1], 'inside'],
    ['inside, level with the hole', withHole, [2, 5], 'inside'],
    ['outside', withHole, [11, 5], 'outside'],
    ['outside, level with a horizontal edge', withHole, [-1, 0], 'outside'],
    ['outside, level with a vertex', withHole, [12, 10], 'outside'],
    ['inside the hole', withHole, [5, 5], 'outside'],
    ['on a horizontal edge', withHole, [5, 0], 'boundary'],
    ['on a vertical edge', withHole, [10, 3], 'boundary'],
    ['on a vertex', withHole, [10, 10], 'boundary'],
    ['on the first vertex', withHole, [0, 0], 'boundary'],
    ['on a hole edge', withHole, [5, 4], 'boundary'],
    ['on a hole vertex', withHole, [6, 6], 'boundary'],
    ['on a diagonal edge', diamond, [1, 1], 'boundary'],
    ['on a diamond vertex', diamond, [4, 2], 'boundary'],
    ['level with two vertices, inside', diamond, [2, 2], 'inside'],
    ['level with two vertices, outside', diamond, [5, 2], 'outside'],
    ['level with the top vertex, outside', diamond, [1, 4], 'outside'],
  ];
  it.each(cases)('%s', (_, polygon, point, expected) => {
    expect(pointInPolygon(point, polygon)).toBe(expected);
    expect(flatLocation(polygon, point)).toBe(expected);
  });

  it('handles the second polygon of a multipolygon, and the gap between them', () => {
    expect(pointInPolygon([6, 6], twoParts)).toBe('inside');
    expect(pointInPolygon([7, 6], twoParts)).toBe('boundary');
    expect(pointInPolygon([3, 3], twoParts)).toBe('outside');
  });

  it('does not depend on ring orientation', () => {
    const reversed: Polygon = {
      type: 'Polygon',
      coordinates: withHole.coordinates.map((r) => [...r].reverse()),
    };
    for (const p of ring('1 1, 5 5, 5 0, 11 5') as Position[]) {
      expect(pointInPolygon(p, reversed)).toBe(pointInPolygon(p, withHole));
    }
  });

  it('says inside for any point strictly inside a random rectangle, boundary on its edges', () => {
    const coordinate = fc.double({ min: -180, max: 180, noNaN: true });
    fc.assert(
      fc.property(
        coordinate,
        coordinate,
        coordinate,
        coordinate,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b, c, d, s, t) => {
          const [x0, x1] = [Math.min(a, b), Math.max(a, b)];
          const [y0, y1] = [Math.min(c, d), Math.max(c, d)];
          fc.pre(x0 < x1 && y0 < y1);
          const rect: Polygon = {
            type: 'Polygon',
            coordinates: [
              [
                [x0, y0],
                [x1, y0],
                [x1, y1],
                [x0, y1],
                [x0, y0],
              ],
            ],
          };
          // Rounding can push the point just past an edge for extreme ranges; clamp it back into the box.
          const x = Math.min(x1, Math.max(x0, x0 + s * (x1 - x0)));
          const y = Math.min(y1, Math.max(y0, y0 + t * (y1 - y0)));
          const expected = x > x0 && x < x1 && y > y0 && y < y1 ? 'inside' : 'boundary';
          expect(pointInPolygon([x, y], rect)).toBe(expected);
          expect(flatLocation(rect, [x, y])).toBe(expected);
          expect(pointInPolygon([x0, y], rect)).toBe('boundary');
          expect(pointInPolygon([x, y1], rect)).toBe('boundary');
        },
      ),
    );
  });

  it('gives a point near an edge shared by two parcels to exactly one of them, or to both as boundary', () => {
    // Two parcels in Tehran sharing a slanted edge, and points a few ulps either side of that edge.
    const a: Position = [51.3890001, 35.6890003];
    const b: Position = [51.3893337, 35.6897779];
    const left: Polygon = { type: 'Polygon', coordinates: [[a, b, [51.3880001, 35.6899999], a]] };
    const right: Polygon = { type: 'Polygon', coordinates: [[a, [51.3900001, 35.6880001], b, a]] };
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.integer({ min: -4, max: 4 }),
        (t, nudge) => {
          const x = a[0] + t * (b[0] - a[0]) + nudge * 2 ** -46;
          const y = a[1] + t * (b[1] - a[1]);
          const l = pointInPolygon([x, y], left);
          const r = pointInPolygon([x, y], right);
          const claims = [l, r].filter((v) => v !== 'outside').length;
          expect(claims === 1 || (l === 'boundary' && r === 'boundary')).toBe(true);
        },
      ),
    );
  });
});

describe('orient2d', () => {
  it('is exact where the floating-point determinant gets the sign wrong', () => {
    // Shewchuk's example: points a few ulps off the line y = x, far from the two points defining it.
    const u = 2 ** -53;
    for (let i = 0; i < 32; i++) {
      for (let j = 0; j < 32; j++) {
        expect(orient2d(12, 12, 24, 24, 0.5 + i * u, 0.5 + j * u)).toBe(Math.sign(j - i));
      }
    }
  });
});
