import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { representativePoint } from './measure.js';
import { pointInPolygon } from './point-in-polygon.js';
import { type IndexItem, PolygonIndex, PolygonIndexBuilder } from './spatial-index.js';
import { loadTehranDistricts, withData } from './test-data.js';
import type { MultiPolygon, Polygon, PolygonalGeometry, Position } from './types.js';

const square = (x: number, y: number, s: number): Position[] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];

/** A 10×10 grid of 1×1 parcels named "x,y". */
function grid(): PolygonIndex<string> {
  const items: IndexItem<string>[] = [];
  for (let x = 0; x < 10; x++) {
    for (let y = 0; y < 10; y++)
      items.push({
        id: `${x},${y}`,
        geometry: { type: 'Polygon', coordinates: [square(x, y, 1)] },
        data: `${x},${y}`,
      });
  }
  return PolygonIndex.from(items);
}

describe('PolygonIndex', () => {
  it('finds the parcel holding a point, every parcel sharing an edge or corner it lies on, none outside', () => {
    const index = grid();
    expect(index.size).toBe(100);
    expect(index.pointQuery(3.5, 4.5)).toEqual(['3,4']);
    expect(index.pointQuery(3, 4.5).sort()).toEqual(['2,4', '3,4']);
    expect(index.pointQuery(3, 4).sort()).toEqual(['2,3', '2,4', '3,3', '3,4']);
    expect(index.pointQuery(10.5, 5)).toEqual([]);
    expect(index.pointQueryIds(0.5, 0.5)).toEqual(['0,0']);
  });

  it('respects holes and multipolygon parts', () => {
    const holed: Polygon = {
      type: 'Polygon',
      coordinates: [square(0, 0, 4), [...square(1, 1, 2)].reverse()],
    };
    const multi: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[square(10, 0, 1)], [square(20, 0, 1)]],
    };
    const index = PolygonIndex.from([
      { id: 'holed', geometry: holed, data: 'holed' },
      { id: 'multi', geometry: multi, data: 'multi' },
    ]);
    expect(index.pointQuery(2, 2)).toEqual([]);
    expect(index.pointQuery(0.5, 2)).toEqual(['holed']);
    expect(index.pointQuery(1, 2)).toEqual(['holed']);
    expect(index.pointQuery(20.5, 0.5)).toEqual(['multi']);
    expect(index.pointQuery(15, 0.5)).toEqual([]);
  });

  it('agrees with a brute-force point-in-polygon over random squares and points', () => {
    const item = fc.tuple(
      fc.integer({ min: 0, max: 20 }),
      fc.integer({ min: 0, max: 20 }),
      fc.integer({ min: 1, max: 6 }),
    );
    const point = fc.tuple(fc.integer({ min: -2, max: 60 }), fc.integer({ min: -2, max: 60 }));
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 30 }),
        fc.array(point, { maxLength: 30 }),
        (squares, points) => {
          const items = squares.map(([x, y, s], i) => ({
            id: i,
            geometry: { type: 'Polygon' as const, coordinates: [square(x, y, s)] },
            data: i,
          }));
          const index = PolygonIndex.from(items);
          for (const [px, py] of points) {
            // Half-units land points on edges and corners as often as inside.
            const [x, y] = [px / 2, py / 2];
            const expected = items
              .filter((it) => pointInPolygon([x, y], it.geometry) !== 'outside')
              .map((it) => it.data);
            expect(index.pointQuery(x, y).sort((a, b) => a - b)).toEqual(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  withData('finds every Tehran district at its representative point', async () => {
    const districts = await loadTehranDistricts();
    const index = PolygonIndex.from(
      districts.map((d) => ({
        id: Number(d.properties.district),
        geometry: d.geometry as PolygonalGeometry,
        data: d.properties.name as string,
      })),
    );
    for (const d of districts) {
      const [lng, lat] = representativePoint(d.geometry);
      expect(index.pointQueryIds(lng, lat)).toEqual([Number(d.properties.district)]);
    }
    expect(index.pointQuery(51.0, 35.0)).toEqual([]);
    // Azadi Tower lies in district 9.
    expect(index.pointQueryIds(51.3381, 35.6997)).toEqual([9]);
  });

  it('lists bounding-box candidates up to a limit', () => {
    const index = grid();
    expect(index.bboxQuery([2.5, 2.5, 4.5, 4.5])).toHaveLength(9);
    expect(index.bboxQuery([2.5, 2.5, 4.5, 4.5], 4)).toHaveLength(4);
    expect(index.bboxQuery([50, 50, 60, 60])).toEqual([]);
  });

  it('works empty, and holds 200,000 parcels in flat arrays of the expected size', () => {
    const empty = new PolygonIndexBuilder<number>().finish();
    expect(empty.pointQuery(0, 0)).toEqual([]);
    expect(empty.bboxQuery([0, 0, 1, 1])).toEqual([]);
    const n = 200_000;
    const builder = new PolygonIndexBuilder<number>();
    for (let i = 0; i < n; i++) {
      const x = 51.3 + (i % 500) * 1e-3;
      const y = 35.6 + Math.floor(i / 500) * 1e-3;
      builder.add({ id: i, geometry: { type: 'Polygon', coordinates: [square(x, y, 9e-4)] }, data: i });
    }
    const index = builder.finish();
    expect(index.pointQuery(51.3 + 7 * 1e-3 + 4e-4, 35.6 + 3 * 1e-3 + 4e-4)).toEqual([3 * 500 + 7]);
    // 4 stored positions per square (the closing one is dropped) at 16 bytes, plus offsets and the tree.
    expect(index.memoryBytes()).toBeGreaterThan(n * 64);
    expect(index.memoryBytes()).toBeLessThan(n * 200);
    // A positional index (no ids or data kept) answers with positions, for columns kept beside it.
    const positional = new PolygonIndexBuilder<number>({ positional: true });
    positional.addGeometry({ type: 'Polygon', coordinates: [square(1, 1, 1)] });
    positional.addGeometry({ type: 'Polygon', coordinates: [square(3, 1, 1)] });
    const positions = positional.finish();
    expect(positions.pointQuery(3.5, 1.5)).toEqual([1]);
    expect(positions.bboxQuery([0, 0, 10, 10])).toEqual([0, 1]);
    expect(positions.size).toBe(2);
  });
});
