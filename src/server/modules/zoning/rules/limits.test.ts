import { describe, expect, it } from 'vitest';
import { DEMO_RULE_SET_1404 } from './demo-rules.js';
import { deriveParcelLimits } from './limits.js';
import { selectRule } from './select-rule.js';
import { bandarLengehRuleSet } from './test-support.js';

const lengeh = bandarLengehRuleSet();
const ruleFor = (lotAreaM2: number) =>
  selectRule(lengeh, { zoneCode: '1-222', lotAreaM2, streetWidthM: 30 }).rule!;

describe('deriveParcelLimits', () => {
  it('turns percentages into m² for the lot (250 m², 120 % density, 60 % coverage)', () => {
    expect(deriveParcelLimits(ruleFor(250), 250)).toMatchObject({
      maxTotalFloorAreaM2: 300,
      maxFootprintM2: 150,
      minOpenSpaceM2: 100,
      floorsAtFullCoverage: 2,
      maxFloors: 3,
      maxUnits: 4,
      maxUnitsSource: 'fixed',
    });
  });

  it('derives the number of units from the open space when the row leaves it variable', () => {
    // 400 m² at 50 % coverage leaves 200 m²; 30 m² per unit → 6 units.
    expect(deriveParcelLimits(ruleFor(400), 400)).toMatchObject({
      maxTotalFloorAreaM2: 600,
      maxFootprintM2: 200,
      maxUnits: 6,
      maxUnitsSource: 'open_space',
    });
  });

  it('applies the lot-depth placement rule when the depth is known (60 % of 20 m + 2 m = 14 m)', () => {
    const rule = selectRule(DEMO_RULE_SET_1404, { zoneCode: 'R112', lotAreaM2: 250, streetWidthM: 12 }).rule!;
    expect(deriveParcelLimits(rule, 250, { lotDepthM: 20 }).buildableDepthM).toBe(14);
    expect(deriveParcelLimits(rule, 250).buildableDepthM).toBeNull();
  });

  it('a park allows no floor area at all', () => {
    const park = selectRule(DEMO_RULE_SET_1404, { zoneCode: 'G111', lotAreaM2: 5000, streetWidthM: 20 })
      .rule!;
    expect(deriveParcelLimits(park, 5000)).toMatchObject({
      maxTotalFloorAreaM2: 0,
      maxFootprintM2: 0,
      maxUnits: 0,
    });
  });
});
