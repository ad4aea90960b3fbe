import { zoningMessage } from './messages.js';
import type { ZoningCondition, ZoningMessage, ZoningRule, ZoningRuleSet } from './types.js';

/** What rule selection needs to know about a parcel. */
export interface ParcelSite {
  zoneCode: string;
  lotAreaM2: number;
  /** Infinity when the width is not recorded: every street condition is taken as met, and none is reported. */
  streetWidthM: number;
}

/** Why no rule applies. */
export type NoRuleReason =
  | 'no_rule_for_zone'
  | 'lot_below_minimum'
  | 'no_row_for_lot_area'
  | 'street_too_narrow';

/** Set when the street is too narrow for the lot's own row and a smaller lot's row applies instead. */
export interface StreetFallback {
  ownRow: string;
  requiredStreetWidthM: number;
}

/** The applicable rule with the conditions that led to it, or the reason there is none. */
export type RuleSelection =
  | { rule: ZoningRule; streetFallback: StreetFallback | null; conditions: ZoningMessage[] }
  | { rule: null; reason: NoRuleReason; requiredStreetWidthM?: number; conditions: ZoningMessage[] };

/**
 * "100–200 m²", "> 300 m²", "≤ 200 m²" or "any lot", as the tables print them; pass the zone minimum to print its
 * smallest unbounded row as "≥ 200 m²" (that lower bound is inclusive).
 */
export function lotRangeLabel(condition: ZoningCondition, zoneMinimum: number | null = null): string {
  const { minLotAreaM2: min, maxLotAreaM2: max } = condition;
  if (min === null && max === null) return 'any lot';
  if (min === null) return `≤ ${max} m²`;
  if (max === null) return `${min === zoneMinimum ? '≥' : '>'} ${min} m²`;
  return `${min}–${max} m²`;
}

/** The zone's minimum lot (its smallest lower bound, inclusive); null when some row is unbounded below. */
export function zoneMinimumLotAreaM2(zoneRows: readonly ZoningRule[]): number | null {
  let minimum: number | null = Number.POSITIVE_INFINITY;
  for (const row of zoneRows) {
    const min = row.condition.minLotAreaM2;
    if (min === null) return null;
    minimum = Math.min(minimum, min);
  }
  return minimum === Number.POSITIVE_INFINITY ? null : minimum;
}

function coversArea(row: ZoningRule, areaM2: number, zoneMinimum: number | null): boolean {
  const { minLotAreaM2: min, maxLotAreaM2: max } = row.condition;
  const aboveMin = min === null || areaM2 > min || (areaM2 === min && min === zoneMinimum);
  return aboveMin && (max === null || areaM2 <= max);
}

const streetNeeds = (row: ZoningRule): number => row.condition.minStreetWidthM ?? 0;

function span(row: ZoningRule): number {
  const { minLotAreaM2: min, maxLotAreaM2: max } = row.condition;
  return min === null || max === null ? Number.POSITIVE_INFINITY : max - min;
}

const compare = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0);

// Most specific first: the narrowest lot-area range, then the most demanding street condition (which is met, so
// it is the row written for exactly this situation), then table order (Array.prototype.sort is stable).
function bySpecificity(a: ZoningRule, b: ZoningRule): number {
  return compare(span(a), span(b)) || compare(streetNeeds(b), streetNeeds(a));
}

function assertSite(site: ParcelSite): void {
  if (!site.zoneCode) throw new RangeError('zoneCode is empty');
  if (!Number.isFinite(site.lotAreaM2) || site.lotAreaM2 <= 0) {
    throw new RangeError(`lotAreaM2 must be a positive number, got ${site.lotAreaM2}`);
  }
  if (Number.isNaN(site.streetWidthM) || site.streetWidthM < 0) {
    throw new RangeError(`streetWidthM must be a non-negative number or Infinity, got ${site.streetWidthM}`);
  }
}

// What a lookup that shows no explanations gets instead of the messages: nothing to build.
const UNEXPLAINED: ZoningMessage[] = [];
Object.freeze(UNEXPLAINED);

function say(
  explain: boolean,
  key: Parameters<typeof zoningMessage>[0],
  params: Parameters<typeof zoningMessage>[1],
): ZoningMessage[] {
  return explain ? [zoningMessage(key, params)] : UNEXPLAINED;
}

/** The rows of one zone: the rule set itself when it holds only that zone's rows (as callers often pass it). */
function rowsOfZone(ruleSet: ZoningRuleSet, zoneCode: string): readonly ZoningRule[] {
  const { rules } = ruleSet;
  for (const row of rules) if (row.zoneCode !== zoneCode) return rules.filter((r) => r.zoneCode === zoneCode);
  return rules;
}

/**
 * Picks the rule row for a parcel. Throws RangeError on a non-positive lot area or a negative street width; every
 * other outcome, including "no rule", is a value. With `explain: false` the conditions (how the row was chosen, in
 * words) are left empty and not built: a point lookup shows none, and composing them cost more than the choice.
 */
export function selectRule(
  ruleSet: ZoningRuleSet,
  site: ParcelSite,
  options: { explain?: boolean } = {},
): RuleSelection {
  assertSite(site);
  const explain = options.explain !== false;
  const { zoneCode, lotAreaM2, streetWidthM } = site;
  const rows = rowsOfZone(ruleSet, zoneCode);
  if (rows.length === 0) {
    const conditions = say(explain, 'zoning.condition.no_rule_for_zone', { zoneCode, ruleSetId: ruleSet.id });
    return { rule: null, reason: 'no_rule_for_zone', conditions };
  }
  const minimum = zoneMinimumLotAreaM2(rows);
  if (minimum !== null && lotAreaM2 < minimum) {
    const params = { zoneCode, lotAreaM2, minimumLotAreaM2: minimum };
    return {
      rule: null,
      reason: 'lot_below_minimum',
      conditions: say(explain, 'zoning.condition.lot_below_minimum', params),
    };
  }
  const own = rows.filter((row) => coversArea(row, lotAreaM2, minimum)).sort(bySpecificity);
  if (own.length === 0) {
    const conditions = say(explain, 'zoning.condition.no_row_for_lot_area', { zoneCode, lotAreaM2 });
    return { rule: null, reason: 'no_row_for_lot_area', conditions };
  }
  const usable = own.filter((row) => streetWidthM >= streetNeeds(row));
  if (usable.length > 0 && !explain)
    return { rule: usable[0], streetFallback: null, conditions: UNEXPLAINED };
  const ownRow = lotRangeLabel(own[0].condition, minimum);
  if (usable.length > 0) {
    const rule = usable[0];
    const conditions = say(explain, 'zoning.condition.lot_row', { lotAreaM2, row: ownRow, zoneCode });
    const requiredM = streetNeeds(rule);
    if (rule.condition.minStreetWidthM !== null && streetWidthM !== Number.POSITIVE_INFINITY) {
      conditions.push(zoningMessage('zoning.condition.street_met', { streetWidthM, requiredM }));
    }
    if (usable.length > 1) {
      const params = { count: usable.length, row: lotRangeLabel(rule.condition, minimum), requiredM };
      conditions.push(zoningMessage('zoning.condition.most_specific', params));
    }
    return { rule, streetFallback: null, conditions };
  }
  // Street too narrow for the lot's own rows: the largest smaller lot whose street condition is met applies.
  const requiredStreetWidthM = Math.min(...own.map(streetNeeds));
  const smaller = rows
    .filter(
      (row) =>
        row.condition.maxLotAreaM2 !== null &&
        row.condition.maxLotAreaM2 < lotAreaM2 &&
        streetWidthM >= streetNeeds(row),
    )
    .sort((a, b) => compare(b.condition.maxLotAreaM2!, a.condition.maxLotAreaM2!) || bySpecificity(a, b));
  const lotRow = explain
    ? say(explain, 'zoning.condition.lot_row', { lotAreaM2, row: ownRow, zoneCode })
    : UNEXPLAINED;
  if (smaller.length === 0) {
    const params = { streetWidthM, requiredM: requiredStreetWidthM, zoneCode, lotAreaM2 };
    const conditions = [...lotRow, ...say(explain, 'zoning.condition.street_too_narrow', params)];
    return { rule: null, reason: 'street_too_narrow', requiredStreetWidthM, conditions };
  }
  const rule = smaller[0];
  const params = {
    streetWidthM,
    requiredM: requiredStreetWidthM,
    row: lotRangeLabel(rule.condition, minimum),
  };
  const conditions = [...lotRow, ...say(explain, 'zoning.condition.street_fallback', params)];
  return { rule, streetFallback: { ownRow, requiredStreetWidthM }, conditions };
}
