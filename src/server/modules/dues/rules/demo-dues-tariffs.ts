import type { DuesTariff } from './tariff.js';

// DEMO DATA: invented values in the shape of a local tariff book; not any city's real resolution. The rate is the
// 1347 law's five per mille; land and building values stand for the ارزش معاملاتی of the demo city's zones.

const BUILDING_VALUES: Record<string, number> = {
  residential: 2_000_000,
  commercial: 3_500_000,
  mixed: 3_000_000,
  office: 3_000_000,
  industrial: 1_500_000,
  educational: 1_200_000,
  health: 1_200_000,
};

/** The demo city's renewal-dues tariff from 1404 on. */
export const DEMO_DUES_TARIFF_1404: DuesTariff = {
  resolutionNo: 'DEMO — تعرفهٔ عوارض نوسازی ۱۴۰۴، مصوبهٔ نمایشی شورای شهر (not a real resolution)',
  rateBasisPoints: 50,
  landValueRialsPerM2: {
    byZone: {
      R111: 2_500_000,
      R112: 3_200_000,
      R121: 4_000_000,
      M131: 6_000_000,
      S111: 8_000_000,
      S211: 7_000_000,
      G111: 1_000_000,
      G112: 1_000_000,
    },
    default: 2_000_000,
  },
  buildingValueRialsPerM2: { byType: BUILDING_VALUES, default: 1_500_000 },
  adjustments: [
    // Art. 2 notes: factories and workshops pay on the building only; no piped water: 25 % less.
    {
      code: 'industrial_building_only',
      title: 'صنعتی: فقط بنا',
      when: { landUses: ['industrial'] },
      landPct: 0,
      buildingPct: 100,
    },
    {
      code: 'no_piped_water',
      title: 'بدون آب لوله‌کشی',
      when: { flags: ['no_piped_water'] },
      landPct: 75,
      buildingPct: 75,
    },
  ],
  exemptions: [
    { code: 'religious', title: 'اماکن مذهبی', when: { landUses: ['religious'] } },
    { code: 'public_green', title: 'فضای سبز عمومی', when: { landUses: ['green'], zoneCodes: ['G*'] } },
  ],
  prizePct: 10,
  latePenalty: { pctPerMonth: 2, capPct: 24 },
};

/** From 1405: values up 35 % (a council's yearly increase, e.g. abuzeidabad.ir for 1405). */
export const DEMO_DUES_TARIFF_1405: DuesTariff = {
  ...DEMO_DUES_TARIFF_1404,
  resolutionNo: 'DEMO — تعرفهٔ عوارض نوسازی ۱۴۰۵، مصوبهٔ نمایشی شورای شهر (not a real resolution)',
  landValueRialsPerM2: {
    byZone: Object.fromEntries(
      Object.entries(DEMO_DUES_TARIFF_1404.landValueRialsPerM2.byZone).map(([zone, value]) => [
        zone,
        (value * 135) / 100,
      ]),
    ),
    default: 2_700_000,
  },
  buildingValueRialsPerM2: {
    byType: Object.fromEntries(
      Object.entries(BUILDING_VALUES).map(([type, value]) => [type, (value * 135) / 100]),
    ),
    default: 2_025_000,
  },
};
