import type { ZoningLimits, ZoningRule, ZoningRuleSet } from './types.js';

type Row = [
  zone: string,
  min: number,
  max: number | null,
  street: number,
  density: number,
  coverage: number,
  floors: number,
  units: number | null,
  openSpace: number,
];

// The Bandar Lengeh detailed-plan table as published (domain_rules.md §4), written in our (min, max] convention.
const BANDAR_LENGEH: readonly Row[] = [
  ['1-222', 100, 200, 8, 100, 60, 2, 2, 35],
  ['1-222', 200, 300, 10, 120, 60, 3, 4, 30],
  ['1-222', 300, null, 18, 150, 50, 4, null, 30],
  ['2-222', 100, 200, 8, 120, 60, 2, 2, 30],
  ['2-222', 200, 300, 12, 180, 60, 3, 4, 25],
  ['2-222', 300, null, 20, 250, 50, 5, null, 25],
];

/** A rule row with defaults for whatever the test does not care about. */
export function makeRule(
  zoneCode: string,
  condition: Partial<ZoningRule['condition']>,
  limits: Partial<ZoningLimits> = {},
  id = `${zoneCode}-${condition.minLotAreaM2 ?? 'min'}-${condition.maxLotAreaM2 ?? 'max'}-${condition.minStreetWidthM ?? 0}`,
): ZoningRule {
  return {
    id,
    zoneCode,
    condition: { minLotAreaM2: null, maxLotAreaM2: null, minStreetWidthM: null, ...condition },
    limits: {
      maxDensityPct: null,
      maxCoveragePct: null,
      maxFloors: null,
      maxHeightM: null,
      maxUnits: null,
      minOpenSpacePerUnitM2: null,
      setbacks: null,
      allowedUses: null,
      ...limits,
    },
    notes: [],
  };
}

/** A rule set around the given rows. */
export function makeRuleSet(rules: ZoningRule[], id = 'test'): ZoningRuleSet {
  return { id, municipality: 'test', effectiveFrom: '2025-03-21', resolutionNo: 'test', rules, notes: [] };
}

/** Bandar Lengeh's low (1-222) and medium (2-222) density rows, residential only. */
export function bandarLengehRuleSet(): ZoningRuleSet {
  const rules = BANDAR_LENGEH.map(([zone, min, max, street, density, coverage, floors, units, openSpace]) =>
    makeRule(
      zone,
      { minLotAreaM2: min, maxLotAreaM2: max, minStreetWidthM: street },
      {
        maxDensityPct: density,
        maxCoveragePct: coverage,
        maxFloors: floors,
        maxUnits: units,
        minOpenSpacePerUnitM2: openSpace,
        allowedUses: ['residential'],
      },
    ),
  );
  return makeRuleSet(rules, 'bandar-lengeh');
}
