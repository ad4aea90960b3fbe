import { format } from 'date-fns-jalali';
import { describe, expect, it } from 'vitest';
import { DEMO_RULE_SETS } from './demo-rules.js';
import { DEMO_TARIFFS } from './demo-tariffs.js';
import { selectRule } from './select-rule.js';
import { versionInForce } from './tariff-select.js';

describe('versionInForce', () => {
  it('a version applies from its effective date itself; the day before, the older one', () => {
    expect(versionInForce(DEMO_RULE_SETS, '2025-03-21')?.id).toBe('demo-1404');
    expect(versionInForce(DEMO_RULE_SETS, '2025-03-20')?.id).toBe('demo-1402');
    expect(versionInForce(DEMO_TARIFFS, '2025-03-21')?.id).toBe('demo-tariff-1404');
    expect(versionInForce(DEMO_TARIFFS, '2025-03-20')?.id).toBe('demo-tariff-1402');
  });

  it('nothing is in force before the first version, and the latest stays in force afterwards', () => {
    expect(versionInForce(DEMO_RULE_SETS, '2023-03-20')).toBeNull();
    expect(versionInForce(DEMO_RULE_SETS, '2023-03-21')?.id).toBe('demo-1402');
    expect(versionInForce(DEMO_RULE_SETS, '2031-01-01')?.id).toBe('demo-1404');
  });

  it('does not depend on the order of the list', () => {
    expect(versionInForce([...DEMO_RULE_SETS].reverse(), '2025-06-01')?.id).toBe('demo-1404');
  });

  it('a case decided in 1403 is re-checked under the 1402 rules it was decided by', () => {
    const decidedOn = '2024-09-05'; // 1403-06-15
    const rules = versionInForce(DEMO_RULE_SETS, decidedOn)!;
    const selection = selectRule(rules, { zoneCode: 'R111', lotAreaM2: 180, streetWidthM: 8 });
    expect(selection.rule?.limits.maxDensityPct).toBe(80);
    expect(rules.resolutionNo).toContain('۱۴۰۱/۰۱۲');
  });

  it('the Solar Hijri labels match the Gregorian effective dates', () => {
    for (const version of [...DEMO_RULE_SETS, ...DEMO_TARIFFS]) {
      expect(format(new Date(`${version.effectiveFrom}T12:00:00`), 'yyyy-MM-dd')).toBe(
        version.effectiveFromJalali,
      );
    }
  });

  it('refuses malformed dates and two versions on the same date', () => {
    expect(() => versionInForce(DEMO_RULE_SETS, '1404-01-01T00:00')).toThrow(RangeError);
    expect(() => versionInForce(DEMO_RULE_SETS, '2025-3-21')).toThrow(RangeError);
    expect(() => versionInForce([...DEMO_RULE_SETS, DEMO_RULE_SETS[0]], '2025-03-21')).toThrow(/ambiguous/);
  });
});
