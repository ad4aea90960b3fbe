import type { Setbacks, ZoningLandUse, ZoningNote, ZoningRule, ZoningRuleSet } from './types.js';

// DEMO DATA. The table shape follows the Bandar Lengeh detailed plan (domain_rules.md §4: rows by lot area with a
// minimum street width, units fixed for small lots and decided by open space for large ones); the zone codes follow
// Tehran's R/M/S/G scheme. The numbers are invented: the real Tehran tables were not available.

const RESIDENTIAL_USES: readonly ZoningLandUse[] = [
  'residential',
  'educational',
  'health',
  'religious',
  'green',
  'parking',
];
const NORTHERN_PLACEMENT: Setbacks = { kind: 'lot_depth_rule', pctOfDepth: 60, plusM: 2 };
const STREET_FRONT: Setbacks = { kind: 'metres', frontM: 0, rearM: 3, sideM: 0 };

const ZONES: Record<string, { uses: readonly ZoningLandUse[]; setbacks: Setbacks; note: ZoningNote }> = {
  R111: {
    uses: RESIDENTIAL_USES,
    setbacks: NORTHERN_PLACEMENT,
    note: { en: 'Low-density residential', fa: 'مسکونی کم‌تراکم', vi: 'Nhà ở mật độ thấp' },
  },
  R112: {
    uses: RESIDENTIAL_USES,
    setbacks: NORTHERN_PLACEMENT,
    note: { en: 'Medium-density residential', fa: 'مسکونی تراکم متوسط', vi: 'Nhà ở mật độ trung bình' },
  },
  R121: {
    uses: RESIDENTIAL_USES,
    setbacks: NORTHERN_PLACEMENT,
    note: { en: 'Higher-density residential', fa: 'مسکونی تراکم بالا', vi: 'Nhà ở mật độ cao' },
  },
  M131: {
    uses: [
      'mixed',
      'residential',
      'commercial',
      'office',
      'educational',
      'health',
      'religious',
      'green',
      'parking',
    ],
    setbacks: STREET_FRONT,
    note: {
      en: 'Mixed residential, commercial and office',
      fa: 'مختلط مسکونی، تجاری و اداری',
      vi: 'Hỗn hợp ở, thương mại và văn phòng',
    },
  },
  S111: {
    uses: ['commercial', 'office', 'mixed', 'parking', 'green'],
    setbacks: STREET_FRONT,
    note: {
      en: 'Neighbourhood commercial and services',
      fa: 'تجاری و خدماتی محله‌ای',
      vi: 'Thương mại và dịch vụ khu phố',
    },
  },
  S211: {
    uses: ['office', 'commercial', 'educational', 'health', 'parking', 'green'],
    setbacks: STREET_FRONT,
    note: { en: 'Offices and public services', fa: 'اداری و خدمات عمومی', vi: 'Văn phòng và dịch vụ công' },
  },
  G111: {
    uses: ['green'],
    setbacks: { kind: 'metres', frontM: 5, rearM: 5, sideM: 5 },
    note: {
      en: 'Public park and green space (no building)',
      fa: 'پارک و فضای سبز عمومی (بدون ساخت)',
      vi: 'Công viên và cây xanh công cộng (không xây dựng)',
    },
  },
  G112: {
    uses: ['green'],
    setbacks: { kind: 'metres', frontM: 5, rearM: 5, sideM: 5 },
    note: {
      en: 'Gardens and private green space',
      fa: 'باغ و فضای سبز خصوصی',
      vi: 'Vườn và cây xanh tư nhân',
    },
  },
};

type Row = [
  zone: string,
  minLotAreaM2: number | null,
  maxLotAreaM2: number | null,
  minStreetWidthM: number | null,
  densityPct: number,
  coveragePct: number,
  floors: number,
  units: number | null,
  openSpacePerUnitM2: number | null,
];

// Lot-area ranges are (min, max]; each zone's smallest min is its minimum lot, inclusive (see types.ts).
const ROWS_1404: readonly Row[] = [
  ['R111', 100, 200, 6, 100, 60, 2, 2, 35],
  ['R111', 200, 300, 10, 120, 60, 3, 4, 30],
  ['R111', 300, null, 12, 150, 50, 4, null, 30],
  ['R112', 100, 200, 8, 120, 60, 2, 2, 30],
  ['R112', 200, 300, 8, 150, 60, 3, 3, 25],
  ['R112', 200, 300, 12, 180, 60, 3, 4, 25],
  ['R112', 300, null, 16, 250, 50, 5, null, 25],
  ['R121', 100, 200, 10, 180, 60, 3, 3, 25],
  ['R121', 200, 300, 12, 240, 60, 4, 6, 20],
  ['R121', 300, null, 20, 320, 55, 6, null, 20],
  ['M131', 100, 300, 12, 200, 60, 4, 4, 20],
  ['M131', 300, null, 20, 300, 55, 6, null, 15],
  ['S111', 50, 200, 10, 120, 70, 2, 4, null],
  ['S111', 200, null, 16, 200, 60, 4, null, null],
  ['S211', 200, null, 16, 240, 50, 5, null, null],
  ['G111', null, null, null, 0, 0, 0, 0, null],
  ['G112', 500, null, 6, 20, 10, 1, 1, null],
];

function toRules(version: string, rows: readonly Row[], densityDelta: number): ZoningRule[] {
  return rows.map(([zoneCode, min, max, street, density, coverage, floors, units, openSpace], index) => {
    const zone = ZONES[zoneCode];
    return {
      id: `${version}-${zoneCode}-${index + 1}`,
      zoneCode,
      condition: { minLotAreaM2: min, maxLotAreaM2: max, minStreetWidthM: street },
      limits: {
        maxDensityPct: Math.max(0, density + densityDelta),
        maxCoveragePct: coverage,
        maxFloors: floors,
        maxHeightM: null,
        maxUnits: units,
        minOpenSpacePerUnitM2: openSpace,
        setbacks: zone.setbacks,
        allowedUses: zone.uses,
      },
      notes: [zone.note],
    };
  });
}

const DEMO_NOTE: ZoningNote = {
  en: 'DEMO data for the demo city, not a real resolution. The 60 % + 2 m placement rule is unverified.',
  fa: 'داده نمایشی شهر نمونه؛ مصوبه واقعی نیست. قاعده استقرار ۶۰٪ + ۲ متر تأیید نشده است.',
  vi: 'Dữ liệu MẪU cho thành phố mẫu, không phải nghị quyết thật. Quy tắc bố trí 60 % + 2 m chưa được xác minh.',
};

/** The demo city's detailed-plan rules in force from 1404-01-01. */
export const DEMO_RULE_SET_1404: ZoningRuleSet = {
  id: 'demo-1404',
  municipality: 'demo-city',
  effectiveFrom: '2025-03-21',
  effectiveFromJalali: '1404-01-01',
  resolutionNo: 'DEMO — مصوبه نمایشی ۱۴۰۳/۰۰۷ کمیسیون ماده ۵ (not a real resolution)',
  rules: toRules('demo-1404', ROWS_1404, 0),
  notes: [DEMO_NOTE],
};

/** The older table (from 1402-01-01): 20 density points lower everywhere, and no S211 zone yet. */
export const DEMO_RULE_SET_1402: ZoningRuleSet = {
  id: 'demo-1402',
  municipality: 'demo-city',
  effectiveFrom: '2023-03-21',
  effectiveFromJalali: '1402-01-01',
  resolutionNo: 'DEMO — مصوبه نمایشی ۱۴۰۱/۰۱۲ کمیسیون ماده ۵ (not a real resolution)',
  // Same row ids as 1404 (S211 is simply absent), so a row can be compared across versions.
  rules: toRules('demo-1402', ROWS_1404, -20).filter((rule) => rule.zoneCode !== 'S211'),
  notes: [DEMO_NOTE],
};

/** Both versions, for selection by date. */
export const DEMO_RULE_SETS: readonly ZoningRuleSet[] = [DEMO_RULE_SET_1402, DEMO_RULE_SET_1404];

export { DEMO_TARIFF_1402, DEMO_TARIFF_1404, DEMO_TARIFFS } from './demo-tariffs.js';
