import { describe, expect, it } from 'vitest';
import { centroid, LocalProjection, rectangle, signedArea } from './geometry.js';
import { Rng } from './prng.js';

const projection = new LocalProjection({ lng: 51.16, lat: 35.745 });

describe('LocalProjection', () => {
  it('maps metre offsets to degrees with the equirectangular factors', () => {
    const [lng, lat] = projection.toLngLat({ x: 1000, y: 1000 });
    expect(lat - 35.745).toBeCloseTo(1000 / 110_574, 7);
    expect(lng - 51.16).toBeCloseTo(1000 / (111_320 * Math.cos((35.745 * Math.PI) / 180)), 7);
  });

  it('round-trips to within a centimetre', () => {
    const back = projection.toMetres(projection.toLngLat({ x: -2345.67, y: 1234.5 }));
    expect(back.x).toBeCloseTo(-2345.67, 1);
    expect(back.y).toBeCloseTo(1234.5, 1);
  });

  it('makes closed, counter-clockwise polygons whatever the input winding', () => {
    const clockwise = rectangle(0, 0, 10, 20).reverse();
    const polygon = projection.polygon(clockwise);
    const ring = polygon.coordinates[0] as number[][];
    expect(ring).toHaveLength(5);
    expect(ring[4]).toEqual(ring[0]);
    expect(signedArea(ring.slice(0, 4).map((point) => projection.toMetres(point)))).toBeGreaterThan(0);
  });
});

describe('polygon measures', () => {
  it('computes area and centroid of a rectangle', () => {
    const ring = rectangle(10, 20, 30, 60);
    expect(signedArea(ring)).toBe(800);
    expect(centroid(ring)).toEqual({ x: 20, y: 40 });
  });

  it('computes the area-weighted centroid of a trapezoid', () => {
    const ring = [
      { x: 0, y: 0 },
      { x: 4, y: 0 },
      { x: 2, y: 2 },
      { x: 0, y: 2 },
    ];
    expect(signedArea(ring)).toBe(6);
    expect(centroid(ring).x).toBeCloseTo(14 / 9, 10);
  });
});

describe('Rng', () => {
  it('repeats for the same key and differs for another', () => {
    const a = new Rng('k', 1);
    const b = new Rng('k', 1);
    const c = new Rng('k', 2);
    const first = [a.uint32(), a.uint32(), a.uint32()];
    expect([b.uint32(), b.uint32(), b.uint32()]).toEqual(first);
    expect([c.uint32(), c.uint32(), c.uint32()]).not.toEqual(first);
  });

  it('draws v4-shaped UUIDs', () => {
    const rng = new Rng('uuid');
    for (let i = 0; i < 100; i++) {
      expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('keeps int() within its inclusive bounds', () => {
    const rng = new Rng('int');
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(rng.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });
});
