import { describe, expect, it } from 'vitest';
import { byteSize, formatJalaliInput, parseJalaliInput } from './format.js';
import { isJalaliLeapYear, isoToJalali, jalaliToIso } from './jalali.js';

/** The Solar Hijri date of a Gregorian day according to the platform's ICU, to check the arithmetic against. */
const ICU = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

function icuJalali(date: Date): { year: number; month: number; day: number } {
  const parts = ICU.formatToParts(date);
  const part = (type: string) => Number.parseInt(parts.find((p) => p.type === type)?.value ?? '', 10);
  return { year: part('year'), month: part('month'), day: part('day') };
}

describe('Solar Hijri dates', () => {
  it('agrees with ICU on every day from 1990 to 2040', () => {
    const start = Date.UTC(1990, 0, 1);
    const end = Date.UTC(2040, 11, 31);
    const mismatches: string[] = [];
    for (let time = start; time <= end; time += 86_400_000) {
      const date = new Date(time);
      const iso = date.toISOString().slice(0, 10);
      const ours = isoToJalali(iso)!;
      const icu = icuJalali(date);
      const same = ours.year === icu.year && ours.month === icu.month && ours.day === icu.day;
      if (!same || jalaliToIso(ours) !== iso) mismatches.push(iso);
    }
    expect(mismatches).toEqual([]);
  });

  it('knows the known days and leap years', () => {
    expect(isoToJalali('2024-03-20')).toEqual({ year: 1403, month: 1, day: 1 });
    expect(jalaliToIso({ year: 1403, month: 5, day: 20 })).toBe('2024-08-10');
    expect(isJalaliLeapYear(1403)).toBe(true);
    expect(isJalaliLeapYear(1404)).toBe(false);
    expect(jalaliToIso({ year: 1403, month: 12, day: 30 })).toBe('2025-03-20');
    expect(jalaliToIso({ year: 1404, month: 12, day: 30 })).toBeNull();
    expect(jalaliToIso({ year: 1403, month: 7, day: 31 })).toBeNull();
    expect(isoToJalali('2024-02-30')).toBeNull();
  });
});

describe('date inputs', () => {
  it('reads what is typed, in Persian or Latin digits, with any separator', () => {
    expect(parseJalaliInput('۱۴۰۳/۰۵/۲۰')).toBe('2024-08-10');
    expect(parseJalaliInput('1403-5-20')).toBe('2024-08-10');
    expect(parseJalaliInput(' 1403.05.20 ')).toBe('2024-08-10');
    expect(parseJalaliInput('')).toBeUndefined();
    expect(parseJalaliInput('1403/13/01')).toBeNull();
    expect(parseJalaliInput('20/05/1403')).toBeNull();
    expect(parseJalaliInput('فردا')).toBeNull();
  });

  it('writes a stored date back for the input', () => {
    expect(formatJalaliInput('2024-08-10', 'fa')).toBe('۱۴۰۳/۰۵/۲۰');
    expect(formatJalaliInput('2024-08-10', 'en')).toBe('1403/05/20');
  });
});

describe('sizes', () => {
  it('gives megabytes from one megabyte, kilobytes below', () => {
    expect(byteSize(5 * 1024 * 1024)).toEqual({ value: 5, unit: 'megabytes' });
    expect(byteSize(1536 * 1024)).toEqual({ value: 1.5, unit: 'megabytes' });
    expect(byteSize(72)).toEqual({ value: 1, unit: 'kilobytes' });
    expect(byteSize(300 * 1024)).toEqual({ value: 300, unit: 'kilobytes' });
  });
});
