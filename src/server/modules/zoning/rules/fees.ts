import {
  amountRials,
  assertPermille,
  assertRials,
  formatNumber,
  formatPermille,
  pctOfScaled,
  perMilleDenominator,
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

type PricedItem = Exclude<FeeItem, 'minimum_fee_topup'>;

/** What a line's price per m² is made of: zonal value × coefficients, exact, and as the formula prints it. */
interface Rate {
  zonal: bigint;
  permilles: bigint[];
  denominator: bigint;
  rateRialsPerM2: number;
  /** The formula after the basis: " × coefficients × zonal value rials/m² = ". */
  text: string;
}

function factorsOf(tariff: PermitFeeTariff, item: PricedItem, landUse: ZoningLandUse) {
  const coefficient = (name: keyof PermitFeeTariff & `${string}Permille`) => ({
    name,
    label: '',
    permille: tariff[name] as number,
  });
  const landUseFactor = {
    name: `land-use coefficient of ${landUse}`,
    label: `${landUse} `,
    permille: tariff.landUseCoefficientPermille[landUse],
  };
  if (item === 'building_permit') return [coefficient('permitFeeCoefficientPermille'), landUseFactor];
  if (item === 'basement_parking') return [coefficient('basementCoefficientPermille')];
  return [coefficient('excessDensityCoefficientPermille'), landUseFactor];
}

function buildRate(
  tariff: PermitFeeTariff,
  zoneCode: string,
  item: PricedItem,
  landUse: ZoningLandUse,
): Rate {
  const zonal = zonalValue(tariff, zoneCode);
  const factors = factorsOf(tariff, item, landUse);
  const permilles = factors.map((f) => assertPermille(f.name, f.permille));
  const product = factors.reduce((r, f) => (r * f.permille) / 1000, Number(zonal));
  const coefficients = factors.map((f) => `${f.label}${formatPermille(f.permille)} × `).join('');
  return {
    zonal,
    permilles,
    denominator: perMilleDenominator(permilles.length),
    rateRialsPerM2: Math.round(product * 100) / 100,
    text: ` × ${coefficients}${rials(zonal)}/m² = `,
  };
}

// Tariffs are immutable once stored, and a city has a few zones and land uses: each rate is worked out once.
// Nested by part: a lookup builds no key string per line.
const rates = new WeakMap<PermitFeeTariff, Map<PricedItem, Map<string, Map<ZoningLandUse, Rate>>>>();

function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

function rateOf(tariff: PermitFeeTariff, zoneCode: string, item: PricedItem, landUse: ZoningLandUse): Rate {
  let byItem = rates.get(tariff);
  if (!byItem) {
    byItem = new Map();
    rates.set(tariff, byItem);
  }
  const byLandUse = entry(
    entry(byItem, item, () => new Map()),
    zoneCode,
    () => new Map(),
  );
  let rate = byLandUse.get(landUse);
  if (!rate) {
    rate = buildRate(tariff, zoneCode, item, landUse);
    byLandUse.set(landUse, rate);
  }
  return rate;
}

// One priced line: basis × each coefficient × zonal value, with the formula as printed on the bill (when the
// basis is described; else the formula is left empty).
function feeLine(item: PricedItem, basis: bigint, basisText: (() => string) | null, rate: Rate): FeeLine {
  const amount = amountRials(basis, rate.zonal, rate.permilles, rate.denominator);
  return {
    item,
    basisM2: scaledToM2(basis),
    rateRialsPerM2: rate.rateRialsPerM2,
    amountRials: amount,
    formula: basisText ? `${basisText()}${rate.text}${rials(amount)}` : '',
  };
}

/** Prices the floor area above the financial base (and below the zone maximum, when given). */
export function priceExcessDensity(input: Omit<FeeInput, 'basementAreaM2'>): ExcessDensityPrice {
  const { tariff, landUse, maxDensityPct } = input;
  const lot = scaledArea('lotAreaM2', input.lotAreaM2);
  const total = scaledArea('totalFloorAreaM2', input.totalFloorAreaM2);
  const base = pctOfScaled(lot, tariff.densityFinancialBasePct);
  const max = maxDensityPct === undefined || maxDensityPct === null ? null : pctOfScaled(lot, maxDensityPct);
  const capped = max !== null && total > max ? max : total;
  const chargeable = capped > base ? capped - base : 0n;
  // Objects are spelled out, not spread: V8 takes a slow path for a spread followed by more properties, and a
  // point lookup prices a parcel on every request.
  const financialBaseAreaM2 = scaledToM2(base);
  const chargeableAreaM2 = scaledToM2(chargeable);
  const notAllowedAreaM2 = scaledToM2(total - capped);
  if (chargeable === 0n) return { financialBaseAreaM2, chargeableAreaM2, notAllowedAreaM2, line: null };
  const cap = capped < total ? ` (capped at the zone maximum ${maxDensityPct} %)` : '';
  const line = feeLine(
    'excess_density',
    chargeable,
    input.formulas === false
      ? null
      : () =>
          `floor area above the financial base (${m2(scaledToM2(capped))}${cap} − ${tariff.densityFinancialBasePct} % × ` +
          `${m2(input.lotAreaM2)}) ${m2(chargeableAreaM2)}`,
    rateOf(tariff, input.zoneCode, 'excess_density', landUse),
  );
  return { financialBaseAreaM2, chargeableAreaM2, notAllowedAreaM2, line };
}

/**
 * Estimates the permit fees in whole rials: the permit fee on all floor area above ground, the basement/parking
 * fee, the excess density between the financial base and the zone maximum, and a top-up to the minimum fee. Each
 * line is computed exactly and rounded once (half up); the total is the sum of the lines, as printed on the bill.
 */
export function estimatePermitFees(input: FeeInput): FeeEstimate {
  const { tariff, landUse } = input;
  const described = input.formulas !== false;
  zonalValue(tariff, input.zoneCode);
  const minimum = assertRials('minimumFeeRials', tariff.minimumFeeRials);
  const lines: FeeLine[] = [];
  const floorArea = scaledArea('totalFloorAreaM2', input.totalFloorAreaM2);
  if (floorArea > 0n) {
    const rate = rateOf(tariff, input.zoneCode, 'building_permit', landUse);
    const basisText = described ? () => `floor area ${m2(scaledToM2(floorArea))}` : null;
    lines.push(feeLine('building_permit', floorArea, basisText, rate));
  }
  const basement = scaledArea('basementAreaM2', input.basementAreaM2 ?? 0);
  if (basement > 0n) {
    const rate = rateOf(tariff, input.zoneCode, 'basement_parking', landUse);
    const basisText = described ? () => `basement and parking ${m2(scaledToM2(basement))}` : null;
    lines.push(feeLine('basement_parking', basement, basisText, rate));
  }
  const excess = priceExcessDensity(input);
  if (excess.line) lines.push(excess.line);
  const subtotal = lines.reduce((sum, line) => sum + line.amountRials, 0);
  if (lines.length > 0 && BigInt(subtotal) < minimum) {
    const amount = Number(minimum) - subtotal;
    const formula = described
      ? `minimum fee ${rials(minimum)} − subtotal ${rials(subtotal)} = ${rials(amount)}`
      : '';
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
  formulas?: boolean;
}): FeeEstimate & { totalFloorAreaM2: number } {
  const { rule, lotAreaM2 } = input;
  const maxDensityPct = rule.limits.maxDensityPct;
  if (maxDensityPct === null) throw new RangeError(`rule ${rule.id} sets no maximum density`);
  // Rounded down to whole cm², so the building never exceeds the maximum by a fraction of a cm².
  const allowed = pctOfScaled(scaledArea('lotAreaM2', lotAreaM2), maxDensityPct);
  const totalFloorAreaM2 = Number(allowed / 10_000n) / 10_000;
  const estimate = estimatePermitFees({
    tariff: input.tariff,
    landUse: input.landUse,
    lotAreaM2,
    zoneCode: rule.zoneCode,
    totalFloorAreaM2,
    maxDensityPct,
    formulas: input.formulas,
  });
  return {
    tariffId: estimate.tariffId,
    resolutionNo: estimate.resolutionNo,
    totalRials: estimate.totalRials,
    lines: estimate.lines,
    notAllowedAreaM2: estimate.notAllowedAreaM2,
    totalFloorAreaM2,
  };
}
