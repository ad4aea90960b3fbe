import { describe, expect, it } from 'vitest';
import { area } from './measure.js';
import { intersectionArea, overlap } from './overlap.js';
import { loadTehranDistricts, ring, withData } from './test-data.js';
import type { MultiPolygon, Polygon, Position } from './types.js';

const rect = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ] as Position[],
  ],
});

describe('overlap', () => {
  it('finds half of a square covered by a square shifted by half its width', () => {
    const a = rect(51.4, 35.7, 51.401, 35.701);
    const b = rect(51.4005, 35.7, 51.4015, 35.701);
    const { area: shared, share } = overlap(a, b);
    expect(share).toBeCloseTo(0.5, 4);
    expect(shared).toBeCloseTo(area(a) / 2, 0);
  });

  it('gives 0 for disjoint squares and for squares only touching along an edge or a corner', () => {
    const a = rect(0, 0, 1, 1);
    expect(overlap(a, rect(2, 2, 3, 3))).toEqual({ area: 0, share: 0 });
    expect(intersectionArea(a, rect(1, 0, 2, 1))).toBe(0);
    expect(intersectionArea(a, rect(1, 1, 2, 2))).toBe(0);
    // Boxes overlap but the shapes only touch: a triangle against the square's diagonal.
    const triangle: Polygon = {
      type: 'Polygon',
      coordinates: [ring('0 0, 1 1, -1 1, 0 0')],
    };
    const lower: Polygon = {
      type: 'Polygon',
      coordinates: [ring('0 0, 1 0, 1 1, 0 0')],
    };
    expect(intersectionArea(triangle, lower)).toBe(0);
  });

  it('handles containment, holes and multipolygons', () => {
    const big = rect(51, 35, 51.01, 35.01);
    const small = rect(51.002, 35.002, 51.004, 35.004);
    expect(overlap(small, big).share).toBeCloseTo(1, 9);
    expect(overlap(big, small).share).toBeCloseTo(0.04, 4);
    const holed: Polygon = {
      type: 'Polygon',
      coordinates: [big.coordinates[0], [...small.coordinates[0]].reverse()],
    };
    expect(intersectionArea(small, holed)).toBeLessThan(1e-6);
    const multi: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [small.coordinates, rect(51.006, 35.006, 51.008, 35.008).coordinates],
    };
    expect(intersectionArea(multi, big)).toBeCloseTo(area(multi), 0);
  });

  withData(
    'finds how much of each Tehran district lies in a box around the city centre, and nothing far away',
    async () => {
      const districts = await loadTehranDistricts();
      const centre = rect(51.38, 35.68, 51.43, 35.72);
      let covered = 0;
      for (const { geometry } of districts) covered += intersectionArea(centre, geometry);
      // The districts tile the city, so together they cover the whole box (within digitising gaps).
      expect(covered / area(centre)).toBeGreaterThan(0.98);
      expect(covered / area(centre)).toBeLessThan(1.02);
      // A box far from the city shares nothing with any district.
      const far = rect(52, 36, 52.1, 36.1);
      for (const { geometry } of districts) expect(intersectionArea(far, geometry)).toBe(0);
    },
  );
});
