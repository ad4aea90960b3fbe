import { isoToJalali, jalaliToIso } from '../../cases/calendar/jalali.js';

/**
 * The calendar day `months` Jalali months after an ISO date: the same day of the month, or the month's last day when
 * it is shorter (31 Shahrivar + 2 months = 30 Aban; 30 Bahman + 1 month = 29 Esfand in a common year). Periods such as
 * "an inquiry response counts for 2 months" are counted this way, as people count them on a Persian calendar.
 */
export function addJalaliMonths(iso: string, months: number): string {
  const start = isoToJalali(iso);
  const index = start.year * 12 + (start.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  for (let day = start.day; day >= 28; day--) {
    const found = jalaliToIso({ year, month, day });
    if (found) return found;
  }
  const fallback = jalaliToIso({ year, month, day: Math.min(start.day, 28) });
  if (!fallback) throw new RangeError(`no Jalali date ${year}/${month}`);
  return fallback;
}

/** Whole days from one ISO date to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
