import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_RULE_SET_1404 } from './demo-rules.js';
import { DEMO_TARIFF_1402, DEMO_TARIFF_1404 } from './demo-tariffs.js';
import { estimateForAllowedDensity, estimatePermitFees, priceExcessDensity } from './fees.js';
import { selectRule } from './select-rule.js';
import { ZONING_LAND_USES } from './types.js';

const tariff = DEMO_TARIFF_1404;
// R112: zonal value 18,000,000 rials/m²; permit 0.05; excess density 0.5; financial base 120 %.
const r112 = {
  tariff,
  zoneCode: 'R112',
  landUse: 'residential' as const,
  lotAreaM2: 500,
  maxDensityPct: 250,
};

describe('estimatePermitFees: the formula', () => {
  it('charges the permit fee on all floor area and the excess rate only above the financial base', () => {
    const estimate = estimatePermitFees({ ...r112, totalFloorAreaM2: 1200 });
    expect(estimate.lines).toEqual([
      {
        item: 'building_permit',
        basisM2: 1200,
        rateRialsPerM2: 900_000,
        amountRials: 1_080_000_000,
        formula: 'floor area 1,200 m² × 0.05 × residential 1 × 18,000,000 rials/m² = 1,080,000,000 rials',
      },
      {
        item: 'excess_density',
        basisM2: 600,
        rateRialsPerM2: 9_000_000,
        amountRials: 5_400_000_000,
        formula:
          'floor area above the financial base (1,200 m² − 120 % × 500 m²) 600 m² × 0.5 × residential 1 × ' +
          '18,000,000 rials/m² = 5,400,000,000 rials',
      },
    ]);
    expect(estimate).toMatchObject({
      totalRials: 6_480_000_000,
      tariffId: 'demo-tariff-1404',
      notAllowedAreaM2: 0,
    });
  });

  it('density exactly at the financial base costs no excess; 0.01 m² above costs 0.01 m² of it', () => {
    expect(priceExcessDensity({ ...r112, totalFloorAreaM2: 600 })).toMatchObject({
      chargeableAreaM2: 0,
      line: null,
    });
    const above = priceExcessDensity({ ...r112, totalFloorAreaM2: 600.01 });
    expect(above).toMatchObject({ financialBaseAreaM2: 600, chargeableAreaM2: 0.01, notAllowedAreaM2: 0 });
    expect(above.line?.amountRials).toBe(90_000);
  });

  it('floor area above the zone maximum is not priced but reported as not allowed', () => {
    const estimate = estimatePermitFees({ ...r112, totalFloorAreaM2: 1400 });
    const excess = estimate.lines.find((line) => line.item === 'excess_density');
    expect(excess).toMatchObject({ basisM2: 650, amountRials: 5_850_000_000 });
    expect(excess?.formula).toContain('(capped at the zone maximum 250 %)');
    expect(estimate.notAllowedAreaM2).toBe(150);
  });

  it('prices basement and parking floors at their own coefficient, without the land-use coefficient', () => {
    const estimate = estimatePermitFees({
      ...r112,
      landUse: 'commercial',
      totalFloorAreaM2: 100,
      basementAreaM2: 80,
    });
    expect(estimate.lines.find((line) => line.item === 'basement_parking')).toMatchObject({
      amountRials: 36_000_000,
      formula: 'basement and parking 80 m² × 0.025 × 18,000,000 rials/m² = 36,000,000 rials',
    });
  });

  it('tops a small permit up to the minimum fee', () => {
    const estimate = estimatePermitFees({ ...r112, zoneCode: 'R111', totalFloorAreaM2: 1 });
    expect(estimate.lines.map((line) => [line.item, line.amountRials])).toEqual([
      ['building_permit', 600_000],
      ['minimum_fee_topup', 4_400_000],
    ]);
    expect(estimate.totalRials).toBe(5_000_000);
  });

  it('rounds each line once, half up, to whole rials', () => {
    const tiny = { ...tariff, zonalValueRialsPerM2: { X: 10 }, minimumFeeRials: 0 };
    const fee = (totalFloorAreaM2: number) =>
      estimatePermitFees({
        tariff: tiny,
        zoneCode: 'X',
        landUse: 'residential',
        lotAreaM2: 1000,
        totalFloorAreaM2,
      }).totalRials;
    expect(fee(1)).toBe(1); // 0.5 rial
    expect(fee(0.98)).toBe(0); // 0.49 rial
  });

  it('refuses a zone without a zonal value and coefficients that are not whole per-mille', () => {
    expect(() =>
      estimatePermitFees({ ...r112, tariff: DEMO_TARIFF_1402, zoneCode: 'S211', totalFloorAreaM2: 1 }),
    ).toThrow(/no zonal value for zone S211/);
    const fractional = { ...tariff, permitFeeCoefficientPermille: 50.5 };
    expect(() => estimatePermitFees({ ...r112, tariff: fractional, totalFloorAreaM2: 1 })).toThrow(
      RangeError,
    );
  });
});

describe('estimateForAllowedDensity', () => {
  it('estimates a building that uses exactly the allowed density', () => {
    const rule = selectRule(DEMO_RULE_SET_1404, { zoneCode: 'R112', lotAreaM2: 400, streetWidthM: 16 }).rule!;
    const estimate = estimateForAllowedDensity({ tariff, rule, landUse: 'residential', lotAreaM2: 400 });
    // 250 % of 400 m² = 1,000 m²; excess over 120 % (480 m²) = 520 m².
    expect(estimate).toMatchObject({ totalFloorAreaM2: 1000, totalRials: 900_000_000 + 4_680_000_000 });
    expect(estimate.notAllowedAreaM2).toBe(0);
  });

  it('the older tariff gives a lower estimate for the same building', () => {
    const rule = selectRule(DEMO_RULE_SET_1404, { zoneCode: 'R112', lotAreaM2: 400, streetWidthM: 16 }).rule!;
    const input = { rule, landUse: 'residential' as const, lotAreaM2: 400 };
    const old = estimateForAllowedDensity({ ...input, tariff: DEMO_TARIFF_1402 }).totalRials;
    expect(old).toBeLessThan(estimateForAllowedDensity({ ...input, tariff }).totalRials);
  });
});

describe('estimatePermitFees: properties', () => {
  const zone = fc.constantFrom(...Object.keys(tariff.zonalValueRialsPerM2));
  const landUse = fc.constantFrom(...ZONING_LAND_USES);
  const cm2 = (max: number) => fc.integer({ min: 0, max }).map((c) => c / 10_000);
  const input = fc.record({
    zoneCode: zone,
    landUse,
    // Lots are at least 1 m² and measured to the cm², the precision the engine compares areas at.
    lotAreaM2: fc.integer({ min: 10_000, max: 100_000_000 }).map((c) => c / 10_000),
    totalFloorAreaM2: cm2(500_000_000),
    basementAreaM2: cm2(50_000_000),
    maxDensityPct: fc.option(fc.integer({ min: 0, max: 50_000 }).map((h) => h / 100)),
  });

  it('every amount is a safe integer ≥ 0 and the total is the sum of the lines', () => {
    fc.assert(
      fc.property(input, (i) => {
        const estimate = estimatePermitFees({ tariff, ...i });
        for (const line of estimate.lines) {
          expect(Number.isSafeInteger(line.amountRials) && line.amountRials >= 0).toBe(true);
        }
        expect(estimate.totalRials).toBe(estimate.lines.reduce((sum, line) => sum + line.amountRials, 0));
      }),
    );
  });

  it('the fee never falls when the floor area grows', () => {
    fc.assert(
      fc.property(input, cm2(100_000_000), (i, more) => {
        const smaller = estimatePermitFees({ tariff, ...i }).totalRials;
        const larger = estimatePermitFees({
          tariff,
          ...i,
          totalFloorAreaM2: i.totalFloorAreaM2 + more,
        }).totalRials;
        expect(larger).toBeGreaterThanOrEqual(smaller);
      }),
    );
  });

  it('only floor area between the financial base and the zone maximum is charged as excess', () => {
    fc.assert(
      fc.property(input, (i) => {
        const price = priceExcessDensity({ tariff, ...i });
        const base = (i.lotAreaM2 * 120) / 100;
        const cap =
          i.maxDensityPct === null ? Number.POSITIVE_INFINITY : (i.lotAreaM2 * i.maxDensityPct) / 100;
        const expected = Math.max(0, Math.min(i.totalFloorAreaM2, cap) - base);
        expect(price.chargeableAreaM2).toBeCloseTo(expected, 3);
        expect(price.line === null).toBe(price.chargeableAreaM2 === 0);
      }),
    );
  });
});
