import { describe, expect, it } from 'vitest';
import { DEMO_RULE_SET_1402, DEMO_RULE_SET_1404, DEMO_RULE_SETS } from './demo-rules.js';
import { DEMO_TARIFF_1402, DEMO_TARIFF_1404 } from './demo-tariffs.js';
import { zoneMinimumLotAreaM2 } from './select-rule.js';

const zones = (set: typeof DEMO_RULE_SET_1404) => [...new Set(set.rules.map((rule) => rule.zoneCode))];

describe('demo rule sets and tariffs', () => {
  it('cover eight Tehran-style zones in 1404, S211 being new since 1402', () => {
    expect(zones(DEMO_RULE_SET_1404)).toEqual([
      'R111',
      'R112',
      'R121',
      'M131',
      'S111',
      'S211',
      'G111',
      'G112',
    ]);
    expect(zones(DEMO_RULE_SET_1402)).not.toContain('S211');
  });

  it('are labelled as demo data, with a resolution number and notes in three languages', () => {
    for (const set of DEMO_RULE_SETS) {
      expect(set.resolutionNo).toMatch(/^DEMO — مصوبه نمایشی/);
      for (const note of [...set.notes, ...set.rules.flatMap((rule) => rule.notes)]) {
        expect(note.fa && note.en && note.vi).toBeTruthy();
      }
    }
  });

  it('have no gaps: above each zone minimum every lot area has a row', () => {
    for (const set of DEMO_RULE_SETS) {
      for (const zone of zones(set)) {
        const rows = set.rules.filter((rule) => rule.zoneCode === zone);
        const minimum = zoneMinimumLotAreaM2(rows);
        for (const row of rows) {
          const min = row.condition.minLotAreaM2;
          const joined = min === minimum || rows.some((other) => other.condition.maxLotAreaM2 === min);
          expect(joined, `${set.id} ${row.id} starts at ${min}`).toBe(true);
        }
        expect(rows.some((row) => row.condition.maxLotAreaM2 === null)).toBe(true);
      }
    }
  });

  it('the older table allows less density row for row', () => {
    for (const old of DEMO_RULE_SET_1402.rules) {
      const current = DEMO_RULE_SET_1404.rules.find((rule) => rule.id === old.id.replace('1402', '1404'));
      expect(old.limits.maxDensityPct!).toBeLessThanOrEqual(current!.limits.maxDensityPct!);
    }
  });

  it('every zone of a rule set has a zonal value in the tariff of the same year, between 5 and 60 million rials', () => {
    for (const [set, tariff] of [
      [DEMO_RULE_SET_1404, DEMO_TARIFF_1404],
      [DEMO_RULE_SET_1402, DEMO_TARIFF_1402],
    ] as const) {
      expect(tariff.effectiveFrom).toBe(set.effectiveFrom);
      for (const zone of zones(set)) {
        const value = tariff.zonalValueRialsPerM2[zone];
        expect(Number.isSafeInteger(value) && value >= 5_000_000 && value <= 60_000_000, zone).toBe(true);
      }
    }
  });
});
