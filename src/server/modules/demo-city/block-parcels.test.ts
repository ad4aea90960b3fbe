import { describe, expect, it } from 'vitest';
import { blockFrontages, blockParcelShapes, MAX_FRONTAGE, MIN_FRONTAGE } from './block-parcels.js';
import { blockAt, StreetGrid } from './city-layout.js';
import { type Point, rectangle, signedArea } from './geometry.js';
import { Rng } from './prng.js';
import { convexOverlap } from './test-support.js';

function isConvexCounterClockwise(ring: readonly Point[]): boolean {
  return ring.every((p, i) => {
    const q = ring[(i + 1) % ring.length];
    const r = ring[(i + 2) % ring.length];
    return (q.x - p.x) * (r.y - q.y) - (q.y - p.y) * (r.x - q.x) > 0;
  });
}

describe('blockAt', () => {
  it('numbers blocks ring by ring with the quadrants interleaved and no cell twice', () => {
    const cells = new Set<string>();
    const perDistrict = [0, 0, 0, 0, 0];
    for (let i = 0; i < 4 * 10 * 10; i++) {
      const block = blockAt(i);
      cells.add(`${block.col},${block.row}`);
      perDistrict[block.district]++;
      expect(block.numberInDistrict).toBe(perDistrict[block.district]);
      expect(block.col >= 0).toBe(block.district === 1 || block.district === 4);
      expect(block.row >= 0).toBe(block.district <= 2);
      expect(Math.max(block.col, -block.col - 1, block.row, -block.row - 1)).toBe(block.ring);
    }
    expect(cells.size).toBe(400);
    for (let col = -10; col < 10; col++)
      for (let row = -10; row < 10; row++) expect(cells.has(`${col},${row}`)).toBe(true);
  });
});

describe('convexOverlap (the test helper)', () => {
  it('tells overlapping squares from touching ones', () => {
    expect(convexOverlap(rectangle(0, 0, 10, 10), rectangle(9, 9, 20, 20), 0.02)).toBe(true);
    expect(convexOverlap(rectangle(0, 0, 10, 10), rectangle(10, 0, 20, 10), 0.02)).toBe(false);
  });
});

describe('blockParcelShapes', () => {
  const grid = new StreetGrid(7);
  const blocks = Array.from({ length: 150 }, (_, i) => blockAt(i));

  it('splits rows into 10-22 m frontages that fill the block exactly', () => {
    for (const block of blocks) {
      const bounds = grid.blockBounds(block);
      const { south, north } = blockFrontages(new Rng('f', block.index), bounds);
      for (const widths of [south, north]) {
        for (const width of widths) {
          expect(width).toBeGreaterThanOrEqual(MIN_FRONTAGE - 1e-9);
          expect(width).toBeLessThanOrEqual(MAX_FRONTAGE + 1e-9);
        }
        expect(widths.reduce((sum, w) => sum + w, 0)).toBeCloseTo(bounds.maxX - bounds.minX, 6);
      }
    }
  });

  it('keeps parcels convex, inside their block, about 30-36 m deep and apart from each other', () => {
    for (const block of blocks) {
      const bounds = grid.blockBounds(block);
      const shapes = blockParcelShapes(
        new Rng('b', block.index),
        bounds,
        blockFrontages(new Rng('f', block.index), bounds),
      );
      for (const shape of shapes) {
        expect(isConvexCounterClockwise(shape.ring)).toBe(true);
        for (const point of shape.ring) {
          expect(point.x).toBeGreaterThanOrEqual(bounds.minX);
          expect(point.x).toBeLessThanOrEqual(bounds.maxX);
          expect(point.y).toBeGreaterThanOrEqual(bounds.minY);
          expect(point.y).toBeLessThanOrEqual(bounds.maxY);
        }
        const ys = shape.ring.map((point) => point.y);
        const depth = Math.max(...ys) - Math.min(...ys);
        expect(depth).toBeGreaterThan(28);
        expect(depth).toBeLessThan(37);
        expect(signedArea(shape.ring)).toBeGreaterThan(250);
      }
      for (let i = 0; i < shapes.length; i++) {
        for (let j = i + 1; j < shapes.length; j++) {
          expect(convexOverlap(shapes[i].ring, shapes[j].ring, 1e-6)).toBe(false);
        }
      }
    }
  });

  it('makes blocks of about 120 × 70 m between 12-24 m wide streets', () => {
    for (const block of blocks) {
      const { minX, minY, maxX, maxY } = grid.blockBounds(block);
      expect(maxX - minX).toBeGreaterThanOrEqual(116);
      expect(maxX - minX).toBeLessThanOrEqual(128);
      expect(maxY - minY).toBeGreaterThanOrEqual(60);
      expect(maxY - minY).toBeLessThanOrEqual(72);
      for (const axis of ['x', 'y'] as const) {
        const width = grid.width(axis, block.col);
        expect(width).toBeGreaterThanOrEqual(12);
        expect(width).toBeLessThanOrEqual(24);
      }
    }
  });
});
