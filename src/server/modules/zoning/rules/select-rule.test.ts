import { describe, expect, it } from 'vitest';
import { DEMO_RULE_SET_1404 } from './demo-rules.js';
import { lotRangeLabel, type RuleSelection, selectRule } from './select-rule.js';
import { bandarLengehRuleSet, makeRule, makeRuleSet } from './test-support.js';

const lengeh = bandarLengehRuleSet();
const low = (lotAreaM2: number, streetWidthM = 30) =>
  selectRule(lengeh, { zoneCode: '1-222', lotAreaM2, streetWidthM });
const row = (selection: RuleSelection) => (selection.rule ? lotRangeLabel(selection.rule.condition) : null);

describe('selectRule: lot-area boundaries, ranges (min, max] with the zone minimum inclusive', () => {
  it.each([
    [100, '100–200 m²'],
    [150, '100–200 m²'],
    [200, '100–200 m²'],
    [200.01, '200–300 m²'],
    [200.5, '200–300 m²'],
    [300, '200–300 m²'],
    [300.01, '> 300 m²'],
    [5000, '> 300 m²'],
  ])('a lot of %s m² uses the %s row', (area, expected) => {
    expect(row(low(area))).toBe(expected);
  });

  it('a lot of 99.99 m² has no rule because it is below the minimum lot of 100 m²', () => {
    const selection = low(99.99);
    expect(selection).toMatchObject({ rule: null, reason: 'lot_below_minimum' });
    expect(selection.conditions[0].text).toBe(
      'No rule: the lot of 99.99 m² is smaller than the minimum lot of 100 m² in zone 1-222.',
    );
  });

  it('a zone whose only row is unbounded above starts at its minimum, inclusive (S211: ≥ 200 m²)', () => {
    const at = selectRule(DEMO_RULE_SET_1404, { zoneCode: 'S211', lotAreaM2: 200, streetWidthM: 16 });
    expect(at.conditions[0].text).toBe('The lot of 200 m² falls in the ≥ 200 m² row of zone S211.');
    const below = selectRule(DEMO_RULE_SET_1404, { zoneCode: 'S211', lotAreaM2: 199.99, streetWidthM: 16 });
    expect(below).toMatchObject({ rule: null, reason: 'lot_below_minimum' });
  });

  it('a zone without a lower bound (a park) accepts any lot', () => {
    const park = selectRule(DEMO_RULE_SET_1404, { zoneCode: 'G111', lotAreaM2: 12, streetWidthM: 0 });
    expect(park.rule?.zoneCode).toBe('G111');
  });

  it('a lot in a gap of the table, or above a bounded last row, has no row', () => {
    const set = makeRuleSet([
      makeRule('X', { minLotAreaM2: 100, maxLotAreaM2: 200 }),
      makeRule('X', { minLotAreaM2: 300, maxLotAreaM2: 400 }),
    ]);
    for (const lotAreaM2 of [250, 400.01]) {
      expect(selectRule(set, { zoneCode: 'X', lotAreaM2, streetWidthM: 10 })).toMatchObject({
        rule: null,
        reason: 'no_row_for_lot_area',
      });
    }
    expect(selectRule(set, { zoneCode: 'X', lotAreaM2: 300, streetWidthM: 10 }).rule).toBeNull();
  });
});

describe('selectRule: street width', () => {
  it('a street exactly as wide as the row needs qualifies', () => {
    const selection = low(250, 10);
    expect(row(selection)).toBe('200–300 m²');
    expect(selection.conditions.map((c) => c.text)).toEqual([
      'The lot of 250 m² falls in the 200–300 m² row of zone 1-222.',
      'Street 10 m meets the 10 m this row needs.',
    ]);
  });

  it('1 cm narrower, the limits of the largest smaller lot whose street condition is met apply, and it says so', () => {
    const selection = low(250, 9.99);
    expect(row(selection)).toBe('100–200 m²');
    expect(selection.rule && selection.streetFallback).toEqual({
      ownRow: '200–300 m²',
      requiredStreetWidthM: 10,
    });
    expect(selection.conditions[1].text).toBe(
      'Street 9.99 m is narrower than the 10 m this lot size needs: limits of the 100–200 m² row apply.',
    );
  });

  it('a large lot on a narrow street falls back to the closest smaller row, not the smallest', () => {
    expect(row(low(400, 12))).toBe('200–300 m²');
    expect(row(low(400, 8))).toBe('100–200 m²');
  });

  it('no rule when no row the lot could use has its street condition met', () => {
    const selection = low(250, 7.99);
    expect(selection).toMatchObject({ rule: null, reason: 'street_too_narrow', requiredStreetWidthM: 10 });
    expect(selection.conditions[1].text).toBe(
      'No rule: street 7.99 m is narrower than the 10 m zone 1-222 needs for a lot of 250 m².',
    );
  });

  it('when several rows match, the most demanding street condition that is met wins', () => {
    const site = { zoneCode: 'R112', lotAreaM2: 250 };
    const wide = selectRule(DEMO_RULE_SET_1404, { ...site, streetWidthM: 12 });
    const narrow = selectRule(DEMO_RULE_SET_1404, { ...site, streetWidthM: 11.99 });
    expect(wide.rule?.limits.maxDensityPct).toBe(180);
    expect(wide.conditions.at(-1)?.key).toBe('zoning.condition.most_specific');
    expect(narrow.rule?.limits.maxDensityPct).toBe(150);
  });

  it('a narrower lot-area range beats a broader one covering the same lot', () => {
    const set = makeRuleSet([
      makeRule('X', { minLotAreaM2: 100, maxLotAreaM2: null }, { maxDensityPct: 100 }),
      makeRule('X', { minLotAreaM2: 200, maxLotAreaM2: 300 }, { maxDensityPct: 140 }),
    ]);
    expect(
      selectRule(set, { zoneCode: 'X', lotAreaM2: 250, streetWidthM: 0 }).rule?.limits.maxDensityPct,
    ).toBe(140);
  });
});

describe('selectRule without explanations (a point lookup)', () => {
  it('chooses the same row, fallback and reason as with them, and builds no conditions', () => {
    const sites = [99.99, 100, 200, 200.01, 250, 300.01, 400].flatMap((lotAreaM2) =>
      [Infinity, 12, 10, 9.99, 7.99].map((streetWidthM) => ({ zoneCode: '1-222', lotAreaM2, streetWidthM })),
    );
    sites.push({ zoneCode: 'R999', lotAreaM2: 250, streetWidthM: 10 });
    for (const site of sites) {
      const { conditions, ...explained } = selectRule(lengeh, site);
      const quiet = selectRule(lengeh, site, { explain: false });
      expect(conditions.length).toBeGreaterThan(0);
      expect(quiet).toEqual({ ...explained, conditions: [] });
    }
  });

  it('S111 (demo): a 682 m² lot on a 12 m street gets the 50–200 m² row, as the fallback it is', () => {
    const site = { zoneCode: 'S111', lotAreaM2: 682, streetWidthM: 12 };
    const selection = selectRule(DEMO_RULE_SET_1404, site, { explain: false });
    expect(selection.rule && lotRangeLabel(selection.rule.condition, 50)).toBe('50–200 m²');
    expect(selection.rule && selection.streetFallback).toEqual({
      ownRow: '> 200 m²',
      requiredStreetWidthM: 16,
    });
    const wide = selectRule(DEMO_RULE_SET_1404, { ...site, streetWidthM: 16 });
    expect(wide.rule && lotRangeLabel(wide.rule.condition, 50)).toBe('> 200 m²');
    expect(wide.rule && wide.streetFallback).toBeNull();
  });
});

describe('selectRule: other outcomes', () => {
  it('an unknown zone has no rule, naming the rule set', () => {
    const selection = selectRule(lengeh, { zoneCode: 'R999', lotAreaM2: 250, streetWidthM: 10 });
    expect(selection).toMatchObject({ rule: null, reason: 'no_rule_for_zone' });
    expect(selection.conditions[0].text).toBe('No rule for zone R999 in rule set bandar-lengeh.');
  });

  it('an unrecorded street (Infinity) meets every street condition and is not reported as measured', () => {
    const unknown = selectRule(DEMO_RULE_SET_1404, {
      zoneCode: 'R112',
      lotAreaM2: 250,
      streetWidthM: Infinity,
    });
    expect(unknown.rule?.limits.maxDensityPct).toBe(180);
    expect(unknown.conditions.map((c) => c.key)).not.toContain('zoning.condition.street_met');
  });

  it('rejects impossible input instead of guessing', () => {
    expect(() => low(0)).toThrow(RangeError);
    expect(() => low(Number.NaN)).toThrow(RangeError);
    expect(() => low(250, -1)).toThrow(RangeError);
  });
});
