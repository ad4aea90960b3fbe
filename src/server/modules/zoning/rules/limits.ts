import type { ZoningRule } from './types.js';

/** The numbers a rule row allows on one parcel. null = not regulated. */
export interface ParcelLimits {
  lotAreaM2: number;
  /** Density × lot area. */
  maxTotalFloorAreaM2: number | null;
  /** Coverage × lot area (largest storey). */
  maxFootprintM2: number | null;
  /** Lot area left unbuilt at full coverage. */
  minOpenSpaceM2: number | null;
  /** Floors that fit the density at full coverage (density ÷ coverage); more floors need a smaller footprint. */
  floorsAtFullCoverage: number | null;
  maxFloors: number | null;
  maxHeightM: number | null;
  /** The row's fixed number of units, else what the open space at full coverage allows; null = no limit. */
  maxUnits: number | null;
  maxUnitsSource: 'fixed' | 'open_space' | 'none';
  /** Depth the building may occupy under the lot-depth placement rule, when the lot depth is known. */
  buildableDepthM: number | null;
}

/**
 * Areas are compared at 1 cm² (0.0001 m²): enough for any survey, and it absorbs binary floating-point noise so
 * that 333.33 m² × 120 % equals 399.996 m² exactly.
 */
export function roundArea(areaM2: number): number {
  return Math.round(areaM2 * 10_000) / 10_000;
}

/** pct % of the lot, rounded to 1 cm². */
export function areaFromPct(lotAreaM2: number, pct: number): number {
  return roundArea((lotAreaM2 * pct) / 100);
}

/** area as a percentage of the lot, rounded to 0.01 points. */
export function pctOfLot(areaM2: number, lotAreaM2: number): number {
  return Math.round((areaM2 / lotAreaM2) * 10_000) / 100;
}

/** Units the open space left by a footprint allows; null when the row has no open-space requirement. */
export function maxUnitsByOpenSpace(rule: ZoningRule, lotAreaM2: number, footprintM2: number): number | null {
  const perUnit = rule.limits.minOpenSpacePerUnitM2;
  if (perUnit === null || perUnit <= 0) return null;
  const openSpace = Math.max(0, roundArea(lotAreaM2 - footprintM2));
  // The epsilon keeps 0.3 / 0.1 from flooring to 2.
  return Math.floor(openSpace / perUnit + 1e-9);
}

/** Derived limits of a rule row for a lot (and, for the placement rule, its depth). */
export function deriveParcelLimits(
  rule: ZoningRule,
  lotAreaM2: number,
  options: { lotDepthM?: number } = {},
): ParcelLimits {
  const { maxDensityPct, maxCoveragePct, maxFloors, maxHeightM, maxUnits, setbacks } = rule.limits;
  const maxTotalFloorAreaM2 = maxDensityPct === null ? null : areaFromPct(lotAreaM2, maxDensityPct);
  const maxFootprintM2 = maxCoveragePct === null ? null : areaFromPct(lotAreaM2, maxCoveragePct);
  const minOpenSpaceM2 = maxFootprintM2 === null ? null : roundArea(lotAreaM2 - maxFootprintM2);
  const floorsAtFullCoverage =
    maxDensityPct === null || !maxCoveragePct
      ? null
      : Math.round((maxDensityPct / maxCoveragePct) * 100) / 100;
  const byOpenSpace = maxUnitsByOpenSpace(rule, lotAreaM2, maxFootprintM2 ?? 0);
  // No object spread here: a point lookup derives the limits of a parcel on every request (see fees.ts).
  let maxUnitsOut: number | null = null;
  let maxUnitsSource: ParcelLimits['maxUnitsSource'] = 'none';
  if (maxUnits !== null) {
    maxUnitsOut = maxUnits;
    maxUnitsSource = 'fixed';
  } else if (byOpenSpace !== null) {
    maxUnitsOut = byOpenSpace;
    maxUnitsSource = 'open_space';
  }
  const depth = options.lotDepthM;
  const buildableDepthM =
    setbacks?.kind === 'lot_depth_rule' && depth !== undefined
      ? Math.min(depth, Math.round(((depth * setbacks.pctOfDepth) / 100 + setbacks.plusM) * 100) / 100)
      : null;
  return {
    lotAreaM2,
    maxTotalFloorAreaM2,
    maxFootprintM2,
    minOpenSpaceM2,
    floorsAtFullCoverage,
    maxFloors,
    maxHeightM,
    maxUnits: maxUnitsOut,
    maxUnitsSource,
    buildableDepthM,
  };
}
