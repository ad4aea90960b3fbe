import { LAND_USES, type LandUse } from '../../../../shared/land-use.js';

/** Land-use codes a zone may allow: the same codes as parcels'. */
export const ZONING_LAND_USES = LAND_USES;
export type ZoningLandUse = LandUse;

/** A note shown to staff and citizens; English is the fallback when a language is missing. */
export interface ZoningNote {
  en: string;
  fa?: string;
  vi?: string;
}

/**
 * Where the building may stand on the lot. `metres`: distances from the lot lines. `lot_depth_rule`: the Tehran
 * placement rule, the building occupies the northern `pctOfDepth` % of the lot depth plus `plusM` metres
 * (60 % + 2 m is widely cited but unverified, see domain_rules.md §4).
 */
export type Setbacks =
  | { kind: 'metres'; frontM: number; rearM: number; sideM: number; cornerSideM?: number }
  | { kind: 'lot_depth_rule'; pctOfDepth: number; plusM: number };

/**
 * When a rule row applies. Lot-area boundary convention: a row covers (minLotAreaM2, maxLotAreaM2], lower bound
 * exclusive and upper bound inclusive, so a table written 100–200 / 201–300 / >300 is stored as 100–200 /
 * 200–300 / 300–null and a lot of exactly 200 m² falls in the 100–200 row while 200.01 m² falls in the next one.
 * The one exception is the zone's smallest lower bound, which is inclusive: it is the zone's minimum lot
 * (100 m² is allowed, 99.99 m² is "below the minimum lot"). null = unbounded on that side.
 * The street condition is met when the adjoining street is at least `minStreetWidthM` wide (null = any street).
 */
export interface ZoningCondition {
  minLotAreaM2: number | null;
  maxLotAreaM2: number | null;
  minStreetWidthM: number | null;
}

/** What a rule row allows. null = this row does not regulate it (except `maxUnits`, see below). */
export interface ZoningLimits {
  /** Total floor area above ground / lot area × 100 (تراکم). */
  maxDensityPct: number | null;
  /** Largest storey footprint / lot area × 100 (سطح اشغال). */
  maxCoveragePct: number | null;
  /** May be fractional when a code counts half stories (2.5 = two floors and a half story). */
  maxFloors: number | null;
  maxHeightM: number | null;
  /** null = no fixed number: the open space per unit decides (no limit at all if that is null too). */
  maxUnits: number | null;
  /** Unbuilt lot area (lot − footprint) each unit needs; null = no requirement. */
  minOpenSpacePerUnitM2: number | null;
  setbacks: Setbacks | null;
  /** null = this row does not regulate use (e.g. an overlay district). */
  allowedUses: readonly ZoningLandUse[] | null;
}

/** One row of a zone's table: zone code → condition → limits. */
export interface ZoningRule {
  id: string;
  zoneCode: string;
  condition: ZoningCondition;
  limits: ZoningLimits;
  notes: readonly ZoningNote[];
}

/** Anything versioned by the date it takes effect (ISO yyyy-mm-dd, Gregorian). */
export interface Dated {
  effectiveFrom: string;
}

/** A municipality's rule table as approved on one date by one resolution. */
export interface ZoningRuleSet extends Dated {
  id: string;
  municipality: string;
  /** The same date in the Solar Hijri calendar, for display (e.g. 1404-01-01). */
  effectiveFromJalali?: string;
  resolutionNo: string;
  rules: readonly ZoningRule[];
  notes: readonly ZoningNote[];
}

/** A message for the UI: an i18n key with its parameters and the English rendering. */
export interface ZoningMessage {
  key: string;
  params: Readonly<Record<string, string | number>>;
  text: string;
}
