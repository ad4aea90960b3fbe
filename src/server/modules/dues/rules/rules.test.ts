import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoToJalali, jalaliToIso } from '../../cases/calendar/jalali.js';
import { assessParcel, centiSquareMetres } from './assess.js';
import { type Amnesty, chargesOn } from './charges.js';
import { DEMO_DUES_TARIFF_1404 } from './demo-dues-tariffs.js';
import { duesYearDates, monthsLate } from './dues-calendar.js';
import type { DuesTariff, ParcelFacts } from './tariff.js';

const tariff: DuesTariff = {
  resolutionNo: 'test',
  rateBasisPoints: 150,
  landValueRialsPerM2: { byZone: { R111: 10_000_000 }, default: 1_000_000 },
  buildingValueRialsPerM2: { byType: { residential: 5_000_000 }, default: 2_000_000 },
  adjustments: [
    { code: 'no_piped_water', title: 'x', when: { flags: ['no_piped_water'] }, landPct: 75, buildingPct: 75 },
  ],
  exemptions: [{ code: 'religious', title: 'x', when: { landUses: ['religious'] } }],
  prizePct: 10,
  latePenalty: { pctPerMonth: 2, capPct: 24 },
};

const parcel: ParcelFacts = {
  landUse: 'residential',
  zoneCode: 'R111',
  districtNumber: 1,
  landAreaM2: '200.00',
  builtAreaM2: '300.00',
  flags: [],
};

const day = (iso: string) => ({ iso, jalali: isoToJalali(iso) });
const iso = (year: number, month: number, d: number) => jalaliToIso({ year, month, day: d }) as string;

describe('renewal dues of a parcel (rate × (land value × area + building value × area))', () => {
  it('computes the worked example exactly', () => {
    // 1.5 % × (10,000,000 × 200 + 5,000,000 × 300) = 1.5 % × 3,500,000,000
    expect(assessParcel(tariff, parcel)).toMatchObject({
      landValueRials: 2_000_000_000n,
      buildingValueRials: 1_500_000_000n,
      principalRials: 52_500_000n,
      adjustmentCodes: [],
      exemptionCode: null,
    });
  });

  it('scales by the adjustments that match and bills nothing to an exempt parcel', () => {
    expect(assessParcel(tariff, { ...parcel, flags: ['no_piped_water'] })).toMatchObject({
      principalRials: 39_375_000n,
      adjustmentCodes: ['no_piped_water'],
    });
    expect(assessParcel(tariff, { ...parcel, landUse: 'religious' })).toMatchObject({
      principalRials: 0n,
      exemptionCode: 'religious',
    });
  });

  it('uses the default values for an unzoned parcel and rounds down to whole thousands of rials', () => {
    // 1.5 % × (1,000,000 × 123.45 + 2,000,000 × 0.01) = 1,852,050 → 1,852,000
    const result = assessParcel(tariff, {
      ...parcel,
      zoneCode: null,
      landUse: 'office',
      landAreaM2: '123.45',
      builtAreaM2: '0.01',
    });
    expect(result.principalRials).toBe(1_852_000n);
  });

  it('industrial parcels pay on the building only under the demo tariff', () => {
    const industrial = assessParcel(DEMO_DUES_TARIFF_1404, { ...parcel, landUse: 'industrial' });
    expect(industrial.landValueRials).toBeGreaterThan(0n);
    // 0.5 % × 1,500,000 × 300 = 2,250,000: the land counts for nothing
    expect(industrial.principalRials).toBe(2_250_000n);
  });

  it('reads areas exactly, never through floating point', () => {
    expect(centiSquareMetres('0.1')).toBe(10n);
    expect(centiSquareMetres('1234567890.99')).toBe(123456789099n);
    expect(() => centiSquareMetres('1.234')).toThrow(RangeError);
  });
});

describe('when dues are due', () => {
  it('arise on 1 Farvardin and are due by the last day of Esfand (30 Esfand in a leap year)', () => {
    expect(duesYearDates(1404)).toEqual({ accruesOn: '2025-03-21', dueOn: '2026-03-20' });
    expect(duesYearDates(1403)).toEqual({ accruesOn: '2024-03-20', dueOn: '2025-03-20' });
    expect(isoToJalali('2025-03-20')).toEqual({ year: 1403, month: 12, day: 30 });
  });

  it('count a month late for each Jalali month begun after the year', () => {
    expect(monthsLate(1404, { year: 1404, month: 12, day: 29 })).toBe(0);
    expect(monthsLate(1404, { year: 1405, month: 1, day: 1 })).toBe(1);
    expect(monthsLate(1404, { year: 1405, month: 12, day: 29 })).toBe(12);
    expect(monthsLate(1403, { year: 1406, month: 2, day: 3 })).toBe(26);
  });
});

describe('prize, penalty and amnesty on a payment day', () => {
  const principal = 52_500_000n;
  const on = (when: string, amnesties: Amnesty[] = [], year = 1404) =>
    chargesOn({ principalRials: principal, duesYear: year, tariff, amnesties, day: day(when) });

  it('gives the 10 % prize up to and including the last day of the year, not a day later', () => {
    expect(on(iso(1404, 12, 29))).toMatchObject({
      prizeRials: 5_250_000n,
      penaltyRials: 0n,
      payableRials: 47_250_000n,
    });
    expect(on(iso(1404, 1, 1))).toMatchObject({ prizeRials: 5_250_000n });
    expect(on(iso(1405, 1, 1))).toMatchObject({ prizeRials: 0n, penaltyRials: 1_050_000n, monthsLate: 1 });
    // 1403 is a leap year: its 30 Esfand still earns the prize.
    expect(
      chargesOn({
        principalRials: principal,
        duesYear: 1403,
        tariff,
        amnesties: [],
        day: day(iso(1403, 12, 30)),
      }),
    ).toMatchObject({ prizeRials: 5_250_000n });
  });

  it('charges 2 % a month, reaching the 24 % cap at exactly 12 months and staying there', () => {
    expect(on(iso(1405, 11, 30))).toMatchObject({
      monthsLate: 11,
      penaltyPct: 22,
      penaltyRials: 11_550_000n,
    });
    expect(on(iso(1405, 12, 1))).toMatchObject({ monthsLate: 12, penaltyPct: 24, penaltyRials: 12_600_000n });
    expect(on(iso(1406, 1, 1))).toMatchObject({ monthsLate: 13, penaltyPct: 24, penaltyRials: 12_600_000n });
    expect(on(iso(1409, 6, 1))).toMatchObject({ penaltyPct: 24, payableRials: 65_100_000n });
  });

  it('waives the penalty while an amnesty is in force (its first and last days included) for the years it covers', () => {
    const amnesty: Amnesty = {
      code: 'srl_1401',
      startsOn: iso(1405, 3, 1),
      endsOn: iso(1405, 3, 31),
      duesYearsUpTo: 1404,
      penaltyWaiverPct: 100,
    };
    expect(on(iso(1405, 2, 31), [amnesty])).toMatchObject({ penaltyRials: 2_100_000n, amnestyCode: null });
    expect(on(iso(1405, 3, 1), [amnesty])).toMatchObject({ penaltyRials: 0n, amnestyCode: 'srl_1401' });
    expect(on(iso(1405, 3, 31), [amnesty])).toMatchObject({ penaltyRials: 0n, payableRials: principal });
    expect(on(iso(1405, 4, 1), [amnesty])).toMatchObject({ amnestyCode: null, penaltyPct: 8 });
    // Dues of a year after the amnesty's last covered year keep their penalty.
    const later = chargesOn({
      principalRials: principal,
      duesYear: 1405,
      tariff,
      amnesties: [amnesty],
      day: day(iso(1406, 3, 10)),
    });
    expect(later).toMatchObject({ amnestyCode: null, penaltyPct: 6 });
  });

  it('a partial waiver keeps its share; the largest of two waivers wins', () => {
    const half: Amnesty = {
      code: 'half',
      startsOn: '2000-01-01',
      endsOn: '2100-01-01',
      duesYearsUpTo: null,
      penaltyWaiverPct: 50,
    };
    const most: Amnesty = { ...half, code: 'most', penaltyWaiverPct: 80 };
    expect(on(iso(1405, 12, 1), [half])).toMatchObject({ penaltyRials: 6_300_000n, amnestyCode: 'half' });
    expect(on(iso(1405, 12, 1), [half, most])).toMatchObject({
      penaltyRials: 2_520_000n,
      amnestyCode: 'most',
    });
  });

  it('always yields whole thousands of rials that add up (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10_000_000_000n }).map((n) => n * 1000n),
        fc.integer({ min: 1390, max: 1410 }),
        fc.integer({ min: 0, max: 60 }),
        (principalRials, year, offset) => {
          const when = iso(year + Math.floor(offset / 12), (offset % 12) + 1, 15);
          const c = chargesOn({ principalRials, duesYear: year, tariff, amnesties: [], day: day(when) });
          expect(c.payableRials).toBe(c.principalRials + c.penaltyRials - c.prizeRials);
          expect(c.penaltyRials % 1000n).toBe(0n);
          expect(c.prizeRials % 1000n).toBe(0n);
          expect(c.penaltyRials * 100n).toBeLessThanOrEqual(principalRials * 24n);
          expect(c.prizeRials === 0n || c.penaltyRials === 0n).toBe(true);
        },
      ),
    );
  });
});
