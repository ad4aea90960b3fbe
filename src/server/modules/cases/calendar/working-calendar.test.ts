import { describe, expect, it } from 'vitest';
import { isoToJalali, jalaliToIso } from './jalali.js';
import { compileCalendar, defaultIranCalendar, iranOfficialHolidays } from './working-calendar.js';
import { localDateOf, zonedInstant } from './zoned-time.js';

describe('Jalali conversion', () => {
  it('converts both ways around Nowruz 1404', () => {
    expect(jalaliToIso({ year: 1404, month: 1, day: 1 })).toBe('2025-03-21');
    expect(jalaliToIso({ year: 1403, month: 12, day: 30 })).toBe('2025-03-20'); // 1403 is a leap year
    expect(isoToJalali('2025-03-17')).toEqual({ year: 1403, month: 12, day: 27 });
  });

  it('rejects Jalali dates that do not exist', () => {
    expect(jalaliToIso({ year: 1404, month: 12, day: 30 })).toBeNull();
    expect(jalaliToIso({ year: 1404, month: 7, day: 31 })).toBeNull();
    expect(jalaliToIso({ year: 1404, month: 13, day: 1 })).toBeNull();
  });
});

describe('time zone arithmetic', () => {
  it('places the working day in Tehran time (UTC+03:30, no DST since 1401)', () => {
    expect(new Date(zonedInstant('2025-03-17', 7 * 60 + 30, 'Asia/Tehran')).toISOString()).toBe(
      '2025-03-17T04:00:00.000Z',
    );
    expect(localDateOf(Date.parse('2025-03-17T21:00:00Z'), 'Asia/Tehran')).toBe('2025-03-18');
  });

  it('follows the old Iranian summer time (1400, UTC+04:30)', () => {
    expect(new Date(zonedInstant('2021-06-01', 7 * 60 + 30, 'Asia/Tehran')).toISOString()).toBe(
      '2021-06-01T03:00:00.000Z',
    );
  });
});

describe('iranOfficialHolidays', () => {
  it('lists the ten fixed solar holidays of 1404', () => {
    expect(iranOfficialHolidays(1404)).toEqual([
      '2025-03-21', // 1 Farvardin, Nowruz
      '2025-03-22',
      '2025-03-23',
      '2025-03-24', // 4 Farvardin
      '2025-04-01', // 12 Farvardin
      '2025-04-02', // 13 Farvardin
      '2025-06-04', // 14 Khordad
      '2025-06-05', // 15 Khordad
      '2026-02-11', // 22 Bahman
      '2026-03-20', // 29 Esfand
    ]);
  });

  it('puts 29 Esfand 1403 on Wednesday 2025-03-19', () => {
    expect(iranOfficialHolidays(1403).at(-1)).toBe('2025-03-19');
  });

  it('rejects an implausible year', () => {
    expect(() => iranOfficialHolidays(2025)).toThrow(RangeError);
  });
});

describe('compileCalendar', () => {
  it('knows rest days and holidays', () => {
    const cal = compileCalendar(defaultIranCalendar(['2025-03-19']));
    expect(cal.isWorkingDay('2025-03-18')).toBe(true); // Tuesday
    expect(cal.isWorkingDay('2025-03-19')).toBe(false); // holiday
    expect(cal.isWorkingDay('2025-03-21')).toBe(false); // Friday
  });

  it('rejects broken calendars', () => {
    const base = defaultIranCalendar();
    expect(() => compileCalendar({ ...base, weeklyRestDays: [0, 1, 2, 3, 4, 5, 6] })).toThrow(RangeError);
    expect(() => compileCalendar({ ...base, weeklyRestDays: [7] })).toThrow(RangeError);
    expect(() => compileCalendar({ ...base, workday: { start: '14:30', end: '07:30' } })).toThrow(RangeError);
    expect(() => compileCalendar({ ...base, workday: { start: '7:30', end: '14:30' } })).toThrow(RangeError);
    expect(() => compileCalendar({ ...base, holidays: ['1404-01-01'] })).toThrow(/Gregorian/); // Jalali by mistake
    expect(() => compileCalendar({ ...base, holidays: ['2025-02-30'] })).toThrow(RangeError);
    expect(() => compileCalendar({ ...base, timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});
