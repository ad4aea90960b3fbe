import { jalaliToIso } from './jalali.js';
import { parseIsoDate, weekdayOfIso, zonedInstant } from './zoned-time.js';

/**
 * A municipality's working calendar; everything in it is the municipality's data (the `municipalities` and
 * `holidays` rows), not code. Dates are local calendar days of `timeZone`.
 */
export interface WorkingCalendar {
  /** IANA zone of the municipality, e.g. 'Asia/Tehran'. */
  timeZone: string;
  /** Weekly rest days as JS `getDay()` numbers: Iran [5] (Friday); offices closed on Thursday too use [4, 5]. */
  weeklyRestDays: number[];
  /** Holidays as Gregorian ISO dates (yyyy-mm-dd): the fixed solar ones plus the lunar ones announced each year. */
  holidays: string[];
  /** Opening and closing time of a working day, local 'HH:MM' (24 h). */
  workday: { start: string; end: string };
}

/** The calendar the demo city uses: Friday off, 07:30–14:30, holidays to be filled from data. */
export function defaultIranCalendar(holidays: string[] = []): WorkingCalendar {
  return {
    timeZone: 'Asia/Tehran',
    weeklyRestDays: [5],
    holidays,
    workday: { start: '07:30', end: '14:30' },
  };
}

/** A calendar checked once and indexed for the day-by-day walks in deadlines.ts. */
export interface CompiledCalendar {
  timeZone: string;
  startMinute: number;
  endMinute: number;
  isWorkingDay(iso: string): boolean;
  /** Opening and closing instants (epoch ms) of a working day. */
  hoursOf(iso: string): { opens: number; closes: number };
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const compiled = new WeakMap<WorkingCalendar, CompiledCalendar>();

function minuteOfDay(value: string, name: string): number {
  const match = HH_MM.exec(value);
  if (match === null) throw new RangeError(`workday.${name} must be HH:MM, got "${value}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Checks a calendar and indexes it; throws RangeError on bad data. Cached per calendar object. */
export function compileCalendar(calendar: WorkingCalendar): CompiledCalendar {
  const cached = compiled.get(calendar);
  if (cached !== undefined) return cached;
  const { timeZone } = calendar;
  new Intl.DateTimeFormat('en-US', { timeZone }); // throws RangeError on an unknown zone
  const startMinute = minuteOfDay(calendar.workday.start, 'start');
  const endMinute = minuteOfDay(calendar.workday.end, 'end');
  if (endMinute <= startMinute) throw new RangeError('workday.end must be after workday.start');
  const rest = new Set(calendar.weeklyRestDays);
  for (const day of rest) {
    if (!Number.isInteger(day) || day < 0 || day > 6)
      throw new RangeError(`weekly rest day ${day} is not 0..6`);
  }
  if (rest.size === 7) throw new RangeError('a calendar needs at least one working weekday');
  for (const day of calendar.holidays) {
    const parts = parseIsoDate(day);
    if (parts === null) throw new RangeError(`holiday "${day}" is not an ISO date`);
    // A Jalali date typed into a Gregorian field (1404-01-01) is a valid ISO date, so the year range catches it.
    if (parts.year < 1900 || parts.year > 2200)
      throw new RangeError(`holiday "${day}" is not a Gregorian date`);
  }
  const holidays = new Set(calendar.holidays);
  const result: CompiledCalendar = {
    timeZone,
    startMinute,
    endMinute,
    isWorkingDay: (iso) => !rest.has(weekdayOfIso(iso)) && !holidays.has(iso),
    hoursOf: (iso) => ({
      opens: zonedInstant(iso, startMinute, timeZone),
      closes: zonedInstant(iso, endMinute, timeZone),
    }),
  };
  compiled.set(calendar, result);
  return result;
}

/** Iran's official holidays that fall on a fixed Jalali date (month, day), with names. */
export const IRAN_FIXED_SOLAR_HOLIDAYS: readonly { month: number; day: number; fa: string; en: string }[] = [
  { month: 1, day: 1, fa: 'عید نوروز', en: 'Nowruz' },
  { month: 1, day: 2, fa: 'عید نوروز', en: 'Nowruz' },
  { month: 1, day: 3, fa: 'عید نوروز', en: 'Nowruz' },
  { month: 1, day: 4, fa: 'عید نوروز', en: 'Nowruz' },
  { month: 1, day: 12, fa: 'روز جمهوری اسلامی', en: 'Islamic Republic Day' },
  { month: 1, day: 13, fa: 'روز طبیعت', en: 'Nature Day (Sizdah Bedar)' },
  { month: 3, day: 14, fa: 'رحلت امام خمینی', en: 'Death of Imam Khomeini' },
  { month: 3, day: 15, fa: 'قیام ۱۵ خرداد', en: 'Revolt of 15 Khordad' },
  { month: 11, day: 22, fa: 'پیروزی انقلاب اسلامی', en: 'Victory of the Islamic Revolution' },
  { month: 12, day: 29, fa: 'ملی شدن صنعت نفت', en: 'Nationalisation of the oil industry' },
];

/**
 * The fixed-date solar holidays of a Jalali year as Gregorian ISO dates, in date order. Only these can be computed:
 * the lunar (Hijri qamari) holidays (Tasua, Ashura, Arbaeen, Eid al-Fitr, Eid al-Adha, Ghadir, Mab'ath, Mawlid, …)
 * move about 11 days a year and depend on moon sighting, so each municipality must load them as data from the
 * official calendar published for the year (تقویم رسمی کشور), together with any one-off closures.
 */
export function iranOfficialHolidays(jalaliYear: number): string[] {
  if (!Number.isInteger(jalaliYear) || jalaliYear < 1300 || jalaliYear > 1600) {
    throw new RangeError(`jalaliYear ${jalaliYear} is out of range`);
  }
  return IRAN_FIXED_SOLAR_HOLIDAYS.map(({ month, day }) => {
    const iso = jalaliToIso({ year: jalaliYear, month, day });
    if (iso === null) throw new RangeError(`${jalaliYear}-${month}-${day} does not exist`);
    return iso;
  });
}
