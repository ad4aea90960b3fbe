import type { PermitFeeTariff } from './fee-types.js';
import type { ZoningLandUse } from './types.js';

// DEMO DATA: invented zonal values (قیمت منطقه‌ای) and coefficients for the demo city's zones (see demo-rules.ts).

const LAND_USE_PERMILLE: Record<ZoningLandUse, number> = {
  residential: 1000,
  commercial: 3000,
  mixed: 2000,
  office: 2000,
  educational: 500,
  health: 500,
  green: 200,
  industrial: 1500,
  religious: 100,
  parking: 300,
};

/** The demo city's permit-fee tariff for 1404. */
export const DEMO_TARIFF_1404: PermitFeeTariff = {
  id: 'demo-tariff-1404',
  municipality: 'demo-city',
  effectiveFrom: '2025-03-21',
  effectiveFromJalali: '1404-01-01',
  resolutionNo: 'DEMO — دفترچه تعرفه عوارض محلی ۱۴۰۴، مصوبه نمایشی شورای شهر (not a real resolution)',
  zonalValueRialsPerM2: {
    R111: 12_000_000,
    R112: 18_000_000,
    R121: 25_000_000,
    M131: 40_000_000,
    S111: 60_000_000,
    S211: 45_000_000,
    G111: 8_000_000,
    G112: 8_000_000,
  },
  landUseCoefficientPermille: LAND_USE_PERMILLE,
  permitFeeCoefficientPermille: 50,
  basementCoefficientPermille: 25,
  densityFinancialBasePct: 120,
  excessDensityCoefficientPermille: 500,
  minimumFeeRials: 5_000_000,
};

/** The 1402 tariff: lower zonal values and coefficients. */
export const DEMO_TARIFF_1402: PermitFeeTariff = {
  ...DEMO_TARIFF_1404,
  id: 'demo-tariff-1402',
  effectiveFrom: '2023-03-21',
  effectiveFromJalali: '1402-01-01',
  resolutionNo: 'DEMO — دفترچه تعرفه عوارض محلی ۱۴۰۲، مصوبه نمایشی شورای شهر (not a real resolution)',
  zonalValueRialsPerM2: {
    R111: 7_000_000,
    R112: 10_500_000,
    R121: 15_000_000,
    M131: 24_000_000,
    S111: 36_000_000,
    G111: 5_000_000,
    G112: 5_000_000,
  },
  permitFeeCoefficientPermille: 40,
  basementCoefficientPermille: 20,
  excessDensityCoefficientPermille: 400,
  minimumFeeRials: 3_000_000,
};

/** Both tariff versions, for selection by date. */
export const DEMO_TARIFFS: readonly PermitFeeTariff[] = [DEMO_TARIFF_1402, DEMO_TARIFF_1404];
