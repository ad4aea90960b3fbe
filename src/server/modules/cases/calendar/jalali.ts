import { getDate, getMonth, getYear, newDate } from 'date-fns-jalali';
import { parseIsoDate } from './zoned-time.js';

/** A date on the Jalali (Solar Hijri) calendar; month 1 = Farvardin. */
export interface JalaliDate {
  year: number;
  month: number;
  day: number;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

// date-fns-jalali works on local-time Date objects; converting through local noon and reading local fields back
// keeps the result independent of the process time zone.

/** The Gregorian ISO date of a Jalali date, or null if that Jalali date does not exist (e.g. 30 Esfand 1404). */
export function jalaliToIso({ year, month, day }: JalaliDate): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const local = newDate(year, month - 1, day);
  local.setHours(12);
  if (getYear(local) !== year || getMonth(local) !== month - 1 || getDate(local) !== day) return null;
  return `${pad(local.getFullYear(), 4)}-${pad(local.getMonth() + 1, 2)}-${pad(local.getDate(), 2)}`;
}

/** The Jalali date of a Gregorian ISO date; throws RangeError on a malformed date. */
export function isoToJalali(iso: string): JalaliDate {
  const parts = parseIsoDate(iso);
  if (parts === null) throw new RangeError(`not an ISO date: "${iso}"`);
  const local = new Date(parts.year, parts.month - 1, parts.day, 12);
  return { year: getYear(local), month: getMonth(local) + 1, day: getDate(local) };
}
