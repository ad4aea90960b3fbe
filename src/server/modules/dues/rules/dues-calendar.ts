import { isoToJalali, type JalaliDate, jalaliToIso } from '../../cases/calendar/jalali.js';
import { localDateOf } from '../../cases/calendar/zoned-time.js';

export type { JalaliDate };

/** The day a year's dues arise (1 Farvardin, Art. 10) and the last day to pay them without penalty (end of Esfand). */
export function duesYearDates(duesYear: number): { accruesOn: string; dueOn: string } {
  const accruesOn = jalaliToIso({ year: duesYear, month: 1, day: 1 });
  const nextYear = jalaliToIso({ year: duesYear + 1, month: 1, day: 1 });
  if (!accruesOn || !nextYear) throw new RangeError(`no such Jalali year: ${duesYear}`);
  const dueOn = new Date(Date.UTC(...isoParts(nextYear)) - 86_400_000).toISOString().slice(0, 10);
  return { accruesOn, dueOn };
}

function isoParts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  return [y, m - 1, d];
}

/** The municipality's calendar day of an instant, as an ISO date and as a Jalali date. */
export function localDay(at: Date, timeZone: string): { iso: string; jalali: JalaliDate } {
  const iso = localDateOf(at.getTime(), timeZone);
  return { iso, jalali: isoToJalali(iso) };
}

/**
 * How many months late a payment on `day` is for dues of `duesYear`: 0 within the year, then one for each Jalali
 * month begun after it (any day of Farvardin of the next year is 1, any day of its Esfand is 12).
 */
export function monthsLate(duesYear: number, day: JalaliDate): number {
  if (day.year <= duesYear) return 0;
  return (day.year - duesYear - 1) * 12 + day.month;
}
