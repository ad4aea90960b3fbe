import type { Feature } from '../../gis/types.js';
import { PITCH_X, PITCH_Y } from './city-layout.js';
import { DEMO_CENTRE, type DemoCity } from './generate.js';
import { LocalProjection, type Point, rectangle } from './geometry.js';
import { Rng } from './prng.js';

// The demo city's zoning plan: zones are cells of 2 × 2 blocks bounded by street centrelines, denser towards the
// centre; overlays are a street-widening strip, a historic quarter, a fault zone and a flood zone.

const CELL_X = 2 * PITCH_X;
const CELL_Y = 2 * PITCH_Y;

const ZONES_BY_DISTANCE: ReadonlyArray<{ upTo: number; weights: ReadonlyArray<readonly [string, number]> }> =
  [
    {
      upTo: 1,
      weights: [
        ['M131', 30],
        ['R121', 40],
        ['S111', 20],
        ['S211', 10],
      ],
    },
    {
      upTo: 3,
      weights: [
        ['R112', 50],
        ['R121', 20],
        ['S111', 10],
        ['G111', 10],
        ['M131', 10],
      ],
    },
    {
      upTo: Number.POSITIVE_INFINITY,
      weights: [
        ['R111', 60],
        ['R112', 25],
        ['G112', 10],
        ['G111', 5],
      ],
    },
  ];

function pick(rng: Rng, weights: ReadonlyArray<readonly [string, number]>): string {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  let roll = rng.int(0, total - 1);
  for (const [code, weight] of weights) {
    if (roll < weight) return code;
    roll -= weight;
  }
  return weights[0][0];
}

const polygonFeature = (
  projection: LocalProjection,
  ring: Point[],
  properties: Record<string, unknown>,
): Feature => ({
  type: 'Feature',
  properties,
  geometry: projection.polygon(ring),
});

/** One zone per 2 × 2 block cell over the whole city, its code drawn by distance from the centre. */
export function demoZoneFeatures(city: Pick<DemoCity, 'seed' | 'lastRing'>): Feature[] {
  const projection = new LocalProjection(DEMO_CENTRE);
  const cells = Math.ceil((city.lastRing + 1) / 2);
  const features: Feature[] = [];
  for (let cy = -cells; cy < cells; cy++) {
    for (let cx = -cells; cx < cells; cx++) {
      const distance = Math.max(cx < 0 ? -cx - 1 : cx, cy < 0 ? -cy - 1 : cy);
      const band = ZONES_BY_DISTANCE.find((b) => distance <= b.upTo)!;
      const code = pick(new Rng('zone', city.seed, cx, cy), band.weights);
      const ring = rectangle(cx * CELL_X, cy * CELL_Y, (cx + 1) * CELL_X, (cy + 1) * CELL_Y);
      features.push(polygonFeature(projection, ring, { zone_code: code }));
    }
  }
  return features;
}

/** The demo overlays; each is sized to the city so it always touches parcels. */
export function demoOverlayFeatures(city: Pick<DemoCity, 'lastRing' | 'grid'>): Feature[] {
  const projection = new LocalProjection(DEMO_CENTRE);
  const reachX = (city.lastRing + 1) * PITCH_X;
  const reachY = (city.lastRing + 1) * PITCH_Y;
  const halfStreet = city.grid.width('y', 0) / 2;
  const faultHalfWidth = 30;
  const slope = 0.35;
  return [
    polygonFeature(projection, rectangle(-reachX, halfStreet, reachX, halfStreet + 6), {
      overlay_type: 'street_widening',
      name: 'تعریض ۶ متری ضلع شمالی خیابان اصلی (طرح تفصیلی)',
      widening_m: 6,
    }),
    polygonFeature(projection, rectangle(PITCH_X, PITCH_Y, 2 * PITCH_X, 2 * PITCH_Y), {
      overlay_type: 'heritage',
      name: 'بافت تاریخی محلهٔ قدیم',
    }),
    polygonFeature(
      projection,
      [
        { x: -reachX, y: -reachX * slope - faultHalfWidth },
        { x: reachX, y: reachX * slope - faultHalfWidth },
        { x: reachX, y: reachX * slope + faultHalfWidth },
        { x: -reachX, y: -reachX * slope + faultHalfWidth },
      ],
      { overlay_type: 'fault', name: 'حریم گسل (۶۰ متر)' },
    ),
    polygonFeature(projection, rectangle(-reachX, -reachY, -reachX / 2, -reachY / 2), {
      overlay_type: 'flood',
      name: 'پهنهٔ سیل‌گیر مسیل جنوب غربی',
    }),
  ];
}
