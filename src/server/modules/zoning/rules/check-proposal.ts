import {
  areaFromPct,
  deriveParcelLimits,
  maxUnitsByOpenSpace,
  type ParcelLimits,
  pctOfLot,
  roundArea,
} from './limits.js';
import { type ZoningMessageKey, zoningMessage } from './messages.js';
import { type RuleSelection, selectRule } from './select-rule.js';
import type { ZoningLandUse, ZoningMessage, ZoningRule, ZoningRuleSet } from './types.js';

/** Floor areas either per floor (above ground, ground floor first) or as a number of equal floors. */
export type ProposalFloors = { floorAreasM2: readonly number[] } | { floors: number; floorAreaM2: number };

/** A building as drawn; the footprint defaults to the largest floor. */
export type Proposal = ProposalFloors & { units: number; use: ZoningLandUse; footprintM2?: number };

/** The parcel as registered. */
export interface ProposalParcel {
  zoneCode: string;
  landAreaM2: number;
  streetWidthM: number;
  landUse: ZoningLandUse;
}

export type CheckRule =
  | 'rule_selection'
  | 'use'
  | 'street_width'
  | 'density'
  | 'coverage'
  | 'floors'
  | 'units'
  | 'open_space';

/** One limit tested against the proposal, with both numbers. */
export interface ProposalCheck {
  rule: CheckRule;
  passed: boolean;
  actual: number | string | null;
  limit: number | string | null;
  unit: 'm²' | 'm' | 'floors' | 'units' | 'use' | null;
  message: ZoningMessage;
}

/** Outcome of checking a proposal; `excessDensity` is floor area above the zone's maximum (never allowed). */
export interface ProposalCheckResult {
  ok: boolean;
  selection: RuleSelection;
  limits: ParcelLimits | null;
  totalFloorAreaM2: number;
  footprintM2: number;
  checks: ProposalCheck[];
  excessDensity: { areaM2: number; pctPoints: number };
}

function floorAreas(proposal: Proposal): number[] {
  if ('floorAreasM2' in proposal) return [...proposal.floorAreasM2];
  if (!Number.isInteger(proposal.floors) || proposal.floors < 0) {
    throw new RangeError(`floors must be a non-negative integer, got ${proposal.floors}`);
  }
  return Array.from({ length: proposal.floors }, () => proposal.floorAreaM2);
}

function assertNonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be ≥ 0, got ${value}`);
}

function check(
  rule: CheckRule,
  passed: boolean,
  values: Pick<ProposalCheck, 'actual' | 'limit' | 'unit'>,
  params: Record<string, string | number>,
): ProposalCheck {
  const key = `zoning.check.${rule}.${passed ? 'ok' : 'failed'}` as ZoningMessageKey;
  return { rule, passed, ...values, message: zoningMessage(key, params) };
}

function limitChecks(
  selection: RuleSelection & { rule: ZoningRule },
  parcel: ProposalParcel,
  proposal: Proposal,
  built: { floors: number; totalM2: number; footprintM2: number },
): ProposalCheck[] {
  const { rule } = selection;
  const lot = parcel.landAreaM2;
  const { limits } = rule;
  const checks: ProposalCheck[] = [];
  if (limits.allowedUses !== null) {
    const passed = limits.allowedUses.includes(proposal.use);
    const allowed = limits.allowedUses.join(', ');
    const params = { use: proposal.use, zoneCode: rule.zoneCode, allowed, parcelLandUse: parcel.landUse };
    checks.push(check('use', passed, { actual: proposal.use, limit: allowed, unit: 'use' }, params));
  }
  const needsM = rule.condition.minStreetWidthM ?? 0;
  if (needsM > 0 && parcel.streetWidthM === Number.POSITIVE_INFINITY) {
    const message = zoningMessage('zoning.check.street_width.unknown', { limit: needsM });
    checks.push({ rule: 'street_width', passed: true, actual: null, limit: needsM, unit: 'm', message });
  } else if (needsM > 0 || selection.streetFallback) {
    const values = { actual: parcel.streetWidthM, limit: needsM, unit: 'm' } as const;
    const fallback = selection.conditions.find((c) => c.key === 'zoning.condition.street_fallback');
    const base = check('street_width', true, values, { actual: parcel.streetWidthM, limit: needsM });
    checks.push(fallback ? { ...base, message: fallback } : base);
  }
  if (limits.maxDensityPct !== null) {
    const limitM2 = areaFromPct(lot, limits.maxDensityPct);
    const params = {
      actualM2: built.totalM2,
      actualPct: pctOfLot(built.totalM2, lot),
      limitM2,
      limitPct: limits.maxDensityPct,
      excessM2: roundArea(Math.max(0, built.totalM2 - limitM2)),
    };
    const values = { actual: built.totalM2, limit: limitM2, unit: 'm²' } as const;
    checks.push(check('density', built.totalM2 <= limitM2, values, params));
  }
  if (limits.maxCoveragePct !== null) {
    const limitM2 = areaFromPct(lot, limits.maxCoveragePct);
    const params = {
      actualM2: built.footprintM2,
      actualPct: pctOfLot(built.footprintM2, lot),
      limitM2,
      limitPct: limits.maxCoveragePct,
    };
    const values = { actual: built.footprintM2, limit: limitM2, unit: 'm²' } as const;
    checks.push(check('coverage', built.footprintM2 <= limitM2, values, params));
  }
  if (limits.maxFloors !== null) {
    const values = { actual: built.floors, limit: limits.maxFloors, unit: 'floors' } as const;
    checks.push(check('floors', built.floors <= limits.maxFloors, values, values));
  }
  const maxUnits = limits.maxUnits ?? maxUnitsByOpenSpace(rule, lot, built.footprintM2);
  if (maxUnits !== null) {
    const params = {
      actual: proposal.units,
      limit: maxUnits,
      source: limits.maxUnits === null ? 'open_space' : 'fixed',
    };
    const values = { actual: proposal.units, limit: maxUnits, unit: 'units' } as const;
    checks.push(check('units', proposal.units <= maxUnits, values, params));
  }
  const perUnit = limits.minOpenSpacePerUnitM2;
  if (perUnit !== null && perUnit > 0 && proposal.units > 0) {
    const openM2 = roundArea(Math.max(0, lot - built.footprintM2));
    const neededM2 = roundArea(proposal.units * perUnit);
    const params = { actualM2: openM2, units: proposal.units, limitM2: neededM2, perUnitM2: perUnit };
    const values = { actual: openM2, limit: neededM2, unit: 'm²' } as const;
    checks.push(check('open_space', openM2 >= neededM2, values, params));
  }
  return checks;
}

/**
 * Checks a proposed building against the rule row that applies to the parcel. Pure and deterministic; throws
 * RangeError only on malformed numbers (negative areas, fractional floors or units).
 */
export function checkProposal(input: {
  ruleSet: ZoningRuleSet;
  parcel: ProposalParcel;
  proposal: Proposal;
}): ProposalCheckResult {
  const { ruleSet, parcel, proposal } = input;
  const areas = floorAreas(proposal);
  for (const area of areas) assertNonNegative('floor area', area);
  if (!Number.isInteger(proposal.units) || proposal.units < 0) {
    throw new RangeError(`units must be a non-negative integer, got ${proposal.units}`);
  }
  if (proposal.footprintM2 !== undefined) assertNonNegative('footprintM2', proposal.footprintM2);
  const totalM2 = roundArea(areas.reduce((sum, area) => sum + area, 0));
  const footprintM2 = roundArea(proposal.footprintM2 ?? Math.max(0, ...areas));
  const site = { zoneCode: parcel.zoneCode, lotAreaM2: parcel.landAreaM2, streetWidthM: parcel.streetWidthM };
  const selection = selectRule(ruleSet, site);
  const base = { selection, totalFloorAreaM2: totalM2, footprintM2 };
  if (selection.rule === null) {
    const message = selection.conditions[selection.conditions.length - 1];
    const failed: ProposalCheck =
      selection.reason === 'street_too_narrow'
        ? {
            rule: 'street_width',
            passed: false,
            actual: parcel.streetWidthM,
            limit: selection.requiredStreetWidthM ?? null,
            unit: 'm',
            message,
          }
        : { rule: 'rule_selection', passed: false, actual: null, limit: null, unit: null, message };
    return { ...base, ok: false, limits: null, checks: [failed], excessDensity: { areaM2: 0, pctPoints: 0 } };
  }
  const limits = deriveParcelLimits(selection.rule, parcel.landAreaM2);
  const built = { floors: areas.length, totalM2, footprintM2 };
  const checks = limitChecks(selection, parcel, proposal, built);
  const excessM2 =
    limits.maxTotalFloorAreaM2 === null ? 0 : roundArea(Math.max(0, totalM2 - limits.maxTotalFloorAreaM2));
  const excessDensity = { areaM2: excessM2, pctPoints: pctOfLot(excessM2, parcel.landAreaM2) };
  return { ...base, ok: checks.every((c) => c.passed), limits, checks, excessDensity };
}
