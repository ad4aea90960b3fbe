import type { LandUse } from '../../../shared/land-use.js';
import type { Rng } from './prng.js';

export { LAND_USES, type LandUse } from '../../../shared/land-use.js';

// Shares in percent of parcels, roughly those of a residential district of Tehran.
const LAND_USE_WEIGHTS: ReadonlyArray<readonly [LandUse, number]> = [
  ['residential', 72],
  ['commercial', 10],
  ['mixed', 5],
  ['office', 3],
  ['educational', 2],
  ['health', 1],
  ['green', 3],
  ['industrial', 2],
  ['religious', 1],
  ['parking', 1],
];
const TOTAL_WEIGHT = LAND_USE_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
// With parks and open car parks this leaves about 10% of lots with nothing built.
const VACANT_SHARE = 0.07;
const UNBUILT_USES: ReadonlySet<LandUse> = new Set(['green', 'parking']);

export function pickLandUse(rng: Rng): LandUse {
  return rng.weighted(LAND_USE_WEIGHTS, TOTAL_WEIGHT);
}

/** Built floor area in m² (2 decimals): 0 for vacant lots, parks and open car parks, else 0.6-2.4 × the land. */
export function pickBuiltArea(rng: Rng, landUse: LandUse, landArea: number): number {
  const vacant = rng.chance(VACANT_SHARE);
  const ratio = rng.range(0.6, 2.4);
  if (vacant || UNBUILT_USES.has(landUse)) return 0;
  return Math.round(landArea * ratio * 100) / 100;
}
