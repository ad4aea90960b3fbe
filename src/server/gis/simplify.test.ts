import { describe, expect, it } from 'vitest';
import { area } from './measure.js';
import { roundCoordinates, simplifyGeometry } from './simplify.js';
import { loadTehranDistricts, ring, withData } from './test-data.js';
import type { Polygon, Position } from './types.js';
import { polygonsOf } from './types.js';
import { validateGeometry } from './validate.js';

function circle(cx: number, cy: number, r: number, n: number): Position[] {
  const ring: Position[] = Array.from({ length: n }, (_, i) => [
    cx + r * Math.cos((2 * Math.PI * i) / n),
    cy + r * Math.sin((2 * Math.PI * i) / n),
  ]);
  ring.push(ring[0]);
  return ring;
}

const closedAndLongEnough = (polygon: Polygon) =>
  polygon.coordinates.every(
    (ring) => ring.length >= 4 && ring[0][0] === ring.at(-1)![0] && ring[0][1] === ring.at(-1)![1],
  );

describe('simplifyGeometry', () => {
  it('drops most vertices of a dense circle and keeps its area', () => {
    const polygon: Polygon = { type: 'Polygon', coordinates: [circle(51.4, 35.7, 0.01, 2000)] };
    const simpler = simplifyGeometry(polygon, 1e-5) as Polygon;
    expect(simpler.coordinates[0].length).toBeLessThan(200);
    expect(closedAndLongEnough(simpler)).toBe(true);
    expect(Math.abs(area(simpler) - area(polygon)) / area(polygon)).toBeLessThan(0.01);
  });

  it('keeps a shell that would collapse and drops such a hole', () => {
    const polygon: Polygon = { type: 'Polygon', coordinates: [circle(0, 0, 1, 50), circle(0, 0, 1e-6, 12)] };
    const simpler = simplifyGeometry(polygon, 0.1) as Polygon;
    expect(simpler.coordinates).toHaveLength(1);
    const tiny: Polygon = { type: 'Polygon', coordinates: [circle(0, 0, 1e-6, 12)] };
    expect(simplifyGeometry(tiny, 0.1)).toEqual(tiny);
  });

  withData('keeps every Tehran district valid at a low-zoom tolerance (≈ 10 m)', async () => {
    for (const { geometry } of await loadTehranDistricts()) {
      const simpler = simplifyGeometry(geometry, 1e-4);
      const before = polygonsOf(geometry)[0][0].length;
      expect(polygonsOf(simpler)[0][0].length).toBeLessThan(before);
      expect(validateGeometry(simpler).ok).toBe(true);
    }
  });
});

describe('roundCoordinates', () => {
  it('rounds to N decimals and merges vertices that become equal', () => {
    const polygon: Polygon = {
      type: 'Polygon',
      coordinates: [
        ring('51.123456789 35.1, 51.2 35.1, 51.2000001 35.1000001, 51.2 35.2, 51.123456789 35.1'),
      ],
    };
    const rounded = roundCoordinates(polygon, 5) as Polygon;
    expect(rounded.coordinates[0]).toEqual(ring('51.12346 35.1, 51.2 35.1, 51.2 35.2, 51.12346 35.1'));
  });

  it('keeps a shell that rounding would collapse', () => {
    const polygon: Polygon = { type: 'Polygon', coordinates: [circle(51.4, 35.7, 1e-7, 8)] };
    expect(roundCoordinates(polygon, 5)).toEqual(polygon);
  });
});
