import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProposal, type Proposal, type ProposalParcel } from './check-proposal.js';
import { bandarLengehRuleSet } from './test-support.js';

const ruleSet = bandarLengehRuleSet();
// Low density, 200–300 m² row: density 120 % (300 m²), coverage 60 % (150 m²), 3 floors, 4 units, 30 m² per unit.
const parcel: ProposalParcel = {
  zoneCode: '1-222',
  landAreaM2: 250,
  streetWidthM: 10,
  landUse: 'residential',
};
const house = (over: Partial<Proposal> = {}): Proposal =>
  ({ floorAreasM2: [150, 150], units: 2, use: 'residential', ...over }) as Proposal;
const run = (proposal: Proposal, p: ProposalParcel = parcel) =>
  checkProposal({ ruleSet, parcel: p, proposal });
const checkOf = (result: ReturnType<typeof run>, rule: string) => result.checks.find((c) => c.rule === rule);

describe('checkProposal: density', () => {
  it('floor area exactly at the limit passes', () => {
    const result = run(house());
    expect(result.ok).toBe(true);
    expect(checkOf(result, 'density')).toMatchObject({ passed: true, actual: 300, limit: 300, unit: 'm²' });
    expect(result.excessDensity).toEqual({ areaM2: 0, pctPoints: 0 });
  });

  it('0.01 m² above the limit fails, and says by how much', () => {
    const result = run(house({ floorAreasM2: [150, 150.01] }));
    expect(result.ok).toBe(false);
    expect(checkOf(result, 'density')?.message.text).toBe(
      'Floor area 300.01 m² (density 120 %) exceeds the 300 m² (120 %) allowed by 0.01 m².',
    );
    expect(result.excessDensity).toEqual({ areaM2: 0.01, pctPoints: 0 });
  });

  it('the limit holds exactly where binary floating point would drift (333.33 m² × 150 % = 499.995 m²)', () => {
    const big = { ...parcel, landAreaM2: 333.33, streetWidthM: 18 };
    const atLimit = run(house({ floorAreasM2: [166.665, 166.665, 166.665] }), big);
    expect(checkOf(atLimit, 'density')).toMatchObject({ passed: true, limit: 499.995 });
    const above = run(house({ floorAreasM2: [166.665, 166.665, 166.666] }), big);
    expect(checkOf(above, 'density')?.passed).toBe(false);
  });

  it('reports the excess above the zone maximum in m² and density points', () => {
    const result = run(house({ floorAreasM2: [150, 150, 50] }));
    expect(result.excessDensity).toEqual({ areaM2: 50, pctPoints: 20 });
  });
});

describe('checkProposal: the other limits', () => {
  it('the footprint defaults to the largest floor and is held to the coverage', () => {
    const result = run(house({ floorAreasM2: [150.01, 100] }));
    expect(checkOf(result, 'coverage')).toMatchObject({ passed: false, actual: 150.01, limit: 150 });
    const declared = run(house({ floorAreasM2: [100, 100], footprintM2: 151 }));
    expect(checkOf(declared, 'coverage')).toMatchObject({ passed: false, actual: 151 });
  });

  it('counts floors and units against the row; a fixed unit cap binds even with open space to spare', () => {
    const result = run({ floors: 4, floorAreaM2: 70, units: 5, use: 'residential' });
    expect(checkOf(result, 'floors')).toMatchObject({ passed: false, actual: 4, limit: 3, unit: 'floors' });
    expect(checkOf(result, 'units')).toMatchObject({ passed: false, actual: 5, limit: 4 });
    expect(checkOf(result, 'open_space')).toMatchObject({ passed: true, actual: 180, limit: 150 });
  });

  it('where units are not fixed, the open space decides how many', () => {
    // > 300 m² row: units variable, 30 m² of open space each. 400 m² lot − 200 m² footprint = 200 m² → 6 units.
    const big = { ...parcel, landAreaM2: 400, streetWidthM: 18 };
    const six = run({ floors: 3, floorAreaM2: 200, units: 6, use: 'residential' }, big);
    expect(checkOf(six, 'units')).toMatchObject({ passed: true, limit: 6 });
    const seven = run({ floors: 3, floorAreaM2: 200, units: 7, use: 'residential' }, big);
    expect(checkOf(seven, 'units')?.passed).toBe(false);
    expect(checkOf(seven, 'open_space')?.message.text).toBe(
      'Open space of 200 m² is not enough for 7 units (210 m² needed, 30 m² per unit).',
    );
  });

  it('a use the zone does not allow fails', () => {
    const result = run(house({ use: 'commercial' }));
    expect(checkOf(result, 'use')).toMatchObject({
      passed: false,
      actual: 'commercial',
      limit: 'residential',
    });
  });

  it('uniform floors give the same result as the same floors listed one by one', () => {
    const uniform = run({ floors: 2, floorAreaM2: 150, units: 2, use: 'residential' });
    expect(uniform.checks).toEqual(run(house()).checks);
  });
});

describe('checkProposal: street width and missing rules', () => {
  it('on a street too narrow for the lot, a smaller lot’s limits apply and the street check explains it', () => {
    const result = run(house({ floorAreasM2: [150, 100] }), { ...parcel, streetWidthM: 9.99 });
    expect(checkOf(result, 'density')).toMatchObject({ passed: true, limit: 250 });
    expect(checkOf(result, 'street_width')).toMatchObject({ passed: true, actual: 9.99, limit: 8 });
    expect(checkOf(result, 'street_width')?.message.key).toBe('zoning.condition.street_fallback');
  });

  it('without any usable row the outcome is a failed check with the reason, not an exception', () => {
    const narrow = run(house(), { ...parcel, streetWidthM: 6 });
    expect(narrow).toMatchObject({ ok: false, limits: null });
    expect(narrow.checks).toMatchObject([{ rule: 'street_width', passed: false, actual: 6, limit: 10 }]);
    const small = run(house(), { ...parcel, landAreaM2: 99.99 });
    expect(small.checks).toMatchObject([{ rule: 'rule_selection', passed: false }]);
    expect(small.checks[0].message.key).toBe('zoning.condition.lot_below_minimum');
  });

  it('rejects malformed proposals', () => {
    expect(() => run(house({ floorAreasM2: [-1] }))).toThrow(RangeError);
    expect(() => run(house({ units: 1.5 }))).toThrow(RangeError);
    expect(() => run({ floors: 2.5, floorAreaM2: 100, units: 1, use: 'residential' })).toThrow(RangeError);
  });

  it('is pure: the same input gives the same result and is not modified', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30_000 }), { maxLength: 6 }), fc.nat(8), (cm, units) => {
        const proposal = Object.freeze(house({ floorAreasM2: Object.freeze(cm.map((c) => c / 100)), units }));
        const first = run(proposal);
        expect(run(proposal)).toEqual(first);
        expect(first.ok).toBe(first.checks.every((c) => c.passed));
      }),
    );
  });
});

describe('checkProposal: a parcel whose street width is not recorded', () => {
  it('checks everything else and says the street condition was not checked', () => {
    const result = run(house(), { ...parcel, streetWidthM: Infinity });
    expect(result.ok).toBe(true);
    expect(checkOf(result, 'street_width')).toMatchObject({ passed: true, actual: null, limit: 10 });
    expect(checkOf(result, 'street_width')?.message.text).toBe(
      'The street width is not recorded: the 10 m this row needs was not checked.',
    );
    expect(checkOf(result, 'density')).toMatchObject({ passed: true, limit: 300 });
  });
});
