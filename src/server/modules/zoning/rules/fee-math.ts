import { decimalFormatter, LATIN_DIGITS } from './number-text.js';

/**
 * Exact money arithmetic for fees. Areas become integers of 1e-8 m² (cm² × 10,000, so that a percentage with two
 * decimals of a cm² area is still whole), coefficients are integers per mille, rials are integers; products are
 * BigInt and each amount is rounded once, half up, to whole rials.
 */

/** 1 m² in the fee unit of area (1e-8 m²). */
export const AREA_SCALE = 100_000_000n;

/** An area in m² measured to 1 cm², as an exact BigInt in units of 1e-8 m². */
export function scaledArea(name: string, areaM2: number): bigint {
  if (!Number.isFinite(areaM2) || areaM2 < 0) throw new RangeError(`${name} must be ≥ 0, got ${areaM2}`);
  return BigInt(Math.round(areaM2 * 10_000)) * 10_000n;
}

/** pct % of a scaled area, for percentages with at most two decimals (e.g. 120 or 137.5). */
export function pctOfScaled(area: bigint, pct: number): bigint {
  if (!Number.isFinite(pct) || pct < 0) throw new RangeError(`percentage must be ≥ 0, got ${pct}`);
  // area is a multiple of 10,000, so area × hundredths / 10,000 is exact.
  return (area * BigInt(Math.round(pct * 100))) / 10_000n;
}

/** Back to m² for display, rounded to 1 cm². */
export function scaledToM2(area: bigint): number {
  return Number((area + 5_000n) / 10_000n) / 10_000;
}

/** Checks a coefficient is a whole number per mille (50 = 0.05). */
export function assertPermille(name: string, value: number): bigint {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be a whole per-mille ≥ 0, got ${value}`);
  return BigInt(value);
}

/** Checks an amount is a whole number of rials. */
export function assertRials(name: string, value: number): bigint {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be whole rials ≥ 0, got ${value}`);
  return BigInt(value);
}

/** What divides area × rials × `count` per-mille coefficients to give rials. */
export function perMilleDenominator(count: number): bigint {
  let denominator = AREA_SCALE;
  for (let i = 0; i < count; i++) denominator *= 1000n;
  return denominator;
}

/** area × rials/m² × each per-mille coefficient, rounded half up to whole rials. */
export function amountRials(
  area: bigint,
  rialsPerM2: bigint,
  permilles: readonly bigint[],
  denominator = perMilleDenominator(permilles.length),
): number {
  let numerator = area * rialsPerM2;
  for (const permille of permilles) numerator *= permille;
  const rounded = (numerator * 2n + denominator) / (denominator * 2n);
  if (rounded > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`amount ${rounded} rials is too large`);
  return Number(rounded);
}

const numberFormat = decimalFormatter(new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 }), {
  fractionDigits: 4,
  group: ',',
  decimal: '.',
  digits: LATIN_DIGITS,
});

/** 1,200.5 */
export function formatNumber(value: number): string {
  return numberFormat(value);
}

/** 50 per mille → "0.05". */
export function formatPermille(permille: number): string {
  return formatNumber(permille / 1000);
}
