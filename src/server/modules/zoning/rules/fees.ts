import {
  amountRials,
  assertPermille,
  assertRials,
  formatNumber,
  formatPermille,
  pctOfScaled,
  scaledArea,
  scaledToM2,
} from './fee-math.js';
import type {
  ExcessDensityPrice,
  FeeEstimate,
  FeeInput,
  FeeItem,
  FeeLine,
  PermitFeeTariff,
} from './fee-types.js';
import type { ZoningLandUse, ZoningRule } from './types.js';

export type {
  ExcessDensityPrice,
  FeeEstimate,
  FeeInput,
  FeeItem,
  FeeLine,
  PermitFeeTariff,
} from './fee-types.js';

function zonalValue(tariff: PermitFeeTariff, zoneCode: string): bigint {
  const value = tariff.zonalValueRialsPerM2[zoneCode];
  if (value === undefined)
    throw new RangeError(`tariff ${tariff.id} has no zonal value for zone ${zoneCode}`);
  return assertRials(`zonal value of ${zoneCode}`, value);
}

const m2 = (area: number): string => `${formatNumber(area)} m²`;
const rials = (amount: number | bigint): string => `${formatNumber(Number(amount))} rials`;

// One priced line: basis × each coefficient × zonal value, with the formula as printed on the bill.
function feeLine(
  item: FeeItem,
  basis: bigint,
  basisText: string,
  zonal: bigint,
  factors: readonly { name: string; label: string; permille: number }[],
): FeeLine {
  const permilles = factors.map((f) => assertPermille(f.name, f.permille));
  const amount = amountRials(basis, zonal, permilles);
  const product = factors.reduce((r, f) => (r * f.permille) / 1000, Number(zonal));
  const coefficients = factors.map((f) => `${f.label}${formatPermille(f.permille)} × `).join('');
  return {
    item,
    basisM2: scaledToM2(basis),
    rateRialsPerM2: Math.round(product * 100) / 100,
    amountRials: amount,
    formula: `${basisText} × ${coefficients}${rials(zonal)}/m² = ${rials(amount)}`,
  };
}

const landUseFactor = (tariff: PermitFeeTariff, landUse: ZoningLandUse) => ({
  name: `land-use coefficient of ${landUse}`,
  label: `${landUse} `,
  permille: tariff.landUseCoefficientPermille[landUse],
});

/** Prices the floor area above the financial base (and below the zone maximum, when given). */
export function priceExcessDensity(input: Omit<FeeInput, 'basementAreaM2'>): ExcessDensityPrice {
  const { tariff, landUse, maxDensityPct } = input;
  const lot = scaledArea('lotAreaM2', input.lotAreaM2);
  const total = scaledArea('totalFloorAreaM2', input.totalFloorAreaM2);
  const base = pctOfScaled(lot, tariff.densityFinancialBasePct);
  const max = maxDensityPct === undefined || maxDensityPct === null ? null : pctOfScaled(lot, maxDensityPct);
  const capped = max !== null && total > max ? max : total;
  const chargeable = capped > base ? capped - base : 0n;
  const result = {
    financialBaseAreaM2: scaledToM2(base),
    chargeableAreaM2: scaledToM2(chargeable),
    notAllowedAreaM2: scaledToM2(total - capped),
  };
  if (chargeable === 0n) return { ...result, line: null };
  const cap = capped < total ? ` (capped at the zone maximum ${maxDensityPct} %)` : '';
  const basisText =
    `floor area above the financial base (${m2(scaledToM2(capped))}${cap} − ${tariff.densityFinancialBasePct} % × ` +
    `${m2(input.lotAreaM2)}) ${m2(result.chargeableAreaM2)}`;
  const factors = [
    {
      name: 'excessDensityCoefficientPermille',
      label: '',
      permille: tariff.excessDensityCoefficientPermille,
    },
    landUseFactor(tariff, landUse),
  ];
  const line = feeLine('excess_density', chargeable, basisText, zonalValue(tariff, input.zoneCode), factors);
  return { ...result, line };
}

/**
 * Estimates the permit fees in whole rials: the permit fee on all floor area above ground, the basement/parking
 * fee, the excess density between the financial base and the zone maximum, and a top-up to the minimum fee. Each
 * line is computed exactly and rounded once (half up); the total is the sum of the lines, as printed on the bill.
 */
export function estimatePermitFees(input: FeeInput): FeeEstimate {
  const { tariff, landUse } = input;
  const zonal = zonalValue(tariff, input.zoneCode);
  const minimum = assertRials('minimumFeeRials', tariff.minimumFeeRials);
  const lines: FeeLine[] = [];
  const floorArea = scaledArea('totalFloorAreaM2', input.totalFloorAreaM2);
  if (floorArea > 0n) {
    const permit = {
      name: 'permitFeeCoefficientPermille',
      label: '',
      permille: tariff.permitFeeCoefficientPermille,
    };
    const factors = [permit, landUseFactor(tariff, landUse)];
    lines.push(
      feeLine('building_permit', floorArea, `floor area ${m2(scaledToM2(floorArea))}`, zonal, factors),
    );
  }
  const basement = scaledArea('basementAreaM2', input.basementAreaM2 ?? 0);
  if (basement > 0n) {
    const factors = [
      { name: 'basementCoefficientPermille', label: '', permille: tariff.basementCoefficientPermille },
    ];
    const basisText = `basement and parking ${m2(scaledToM2(basement))}`;
    lines.push(feeLine('basement_parking', basement, basisText, zonal, factors));
  }
  const excess = priceExcessDensity(input);
  if (excess.line) lines.push(excess.line);
  const subtotal = lines.reduce((sum, line) => sum + line.amountRials, 0);
  if (lines.length > 0 && BigInt(subtotal) < minimum) {
    const amount = Number(minimum) - subtotal;
    const formula = `minimum fee ${rials(minimum)} − subtotal ${rials(subtotal)} = ${rials(amount)}`;
    lines.push({ item: 'minimum_fee_topup', basisM2: 0, rateRialsPerM2: 0, amountRials: amount, formula });
  }
  const totalRials = lines.reduce((sum, line) => sum + line.amountRials, 0);
  if (!Number.isSafeInteger(totalRials)) throw new RangeError(`total ${totalRials} rials is too large`);
  return {
    tariffId: tariff.id,
    resolutionNo: tariff.resolutionNo,
    totalRials,
    lines,
    notAllowedAreaM2: excess.notAllowedAreaM2,
  };
}

/** The estimate for a building that uses exactly the density the rule row allows on this lot. */
export function estimateForAllowedDensity(input: {
  tariff: PermitFeeTariff;
  rule: ZoningRule;
  landUse: ZoningLandUse;
  lotAreaM2: number;
}): FeeEstimate & { totalFloorAreaM2: number } {
  const { rule, lotAreaM2 } = input;
  const maxDensityPct = rule.limits.maxDensityPct;
  if (maxDensityPct === null) throw new RangeError(`rule ${rule.id} sets no maximum density`);
  // Rounded down to whole cm², so the building never exceeds the maximum by a fraction of a cm².
  const allowed = pctOfScaled(scaledArea('lotAreaM2', lotAreaM2), maxDensityPct);
  const totalFloorAreaM2 = Number(allowed / 10_000n) / 10_000;
  const estimate = estimatePermitFees({ ...input, zoneCode: rule.zoneCode, totalFloorAreaM2, maxDensityPct });
  return { ...estimate, totalFloorAreaM2 };
}
