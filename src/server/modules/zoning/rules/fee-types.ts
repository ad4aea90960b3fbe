import type { Dated, ZoningLandUse } from './types.js';

/**
 * A municipality's building-permit tariff as approved for one period (local tariff book, دفترچه تعرفه عوارض
 * محلی). Coefficients are whole numbers per mille (50 = 0.05) so that every amount is exact integer rials.
 */
export interface PermitFeeTariff extends Dated {
  id: string;
  municipality: string;
  effectiveFromJalali?: string;
  resolutionNo: string;
  /** قیمت منطقه‌ای per zone code, whole rials per m². */
  zonalValueRialsPerM2: Readonly<Record<string, number>>;
  landUseCoefficientPermille: Readonly<Record<ZoningLandUse, number>>;
  /** Permit fee per m² of floor area above ground = this × land-use coefficient × zonal value. */
  permitFeeCoefficientPermille: number;
  /** Per m² of basement and parking floors = this × zonal value (no land-use coefficient). */
  basementCoefficientPermille: number;
  /** تراکم پایه مالی: density up to this is covered by the permit fee (Tehran: 120 %). */
  densityFinancialBasePct: number;
  /** Each m² above the financial base = this × land-use coefficient × zonal value. */
  excessDensityCoefficientPermille: number;
  /** A permit for any floor area costs at least this. */
  minimumFeeRials: number;
}

export type FeeItem = 'building_permit' | 'basement_parking' | 'excess_density' | 'minimum_fee_topup';

/** One line of the bill: what is charged, on what, at what rate, and the formula as printed. */
export interface FeeLine {
  item: FeeItem;
  basisM2: number;
  /** Informational: the rate may have a fraction of a rial, the amount never does. */
  rateRialsPerM2: number;
  amountRials: number;
  formula: string;
}

/** The estimate: integer rials, the sum of its lines. */
export interface FeeEstimate {
  tariffId: string;
  resolutionNo: string;
  totalRials: number;
  lines: FeeLine[];
  /** Floor area above the zone's maximum density: not priced, because it cannot be permitted. */
  notAllowedAreaM2: number;
}

/** What the fees depend on. `maxDensityPct` (the zone's maximum) caps the excess that can be bought. */
export interface FeeInput {
  tariff: PermitFeeTariff;
  zoneCode: string;
  landUse: ZoningLandUse;
  lotAreaM2: number;
  totalFloorAreaM2: number;
  basementAreaM2?: number;
  maxDensityPct?: number | null;
  /** false: every line's formula is left empty (a point lookup shows the numbers only). Default true. */
  formulas?: boolean;
}

/** The priced excess density: only floor area between the financial base and the zone maximum is charged. */
export interface ExcessDensityPrice {
  financialBaseAreaM2: number;
  chargeableAreaM2: number;
  notAllowedAreaM2: number;
  line: FeeLine | null;
}
