const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // Throws RangeError on an unknown IANA zone, which is what callers should see.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockOf(epochMs: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

function offsetMs(epochMs: number, timeZone: string): number {
  const w = wallClockOf(epochMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The ISO date (yyyy-mm-dd) of an instant on the wall calendar of `timeZone`. */
export function localDateOf(epochMs: number, timeZone: string): string {
  const w = wallClockOf(epochMs, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month, 2)}-${pad(w.day, 2)}`;
}

/** Parses an ISO date into its parts, or null if it is not a real Gregorian date. */
export function parseIsoDate(iso: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(iso);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  return { year, month, day };
}

function requireIsoDate(iso: string): { year: number; month: number; day: number } {
  const parts = parseIsoDate(iso);
  if (parts === null) throw new RangeError(`not an ISO date: "${iso}"`);
  return parts;
}

/** The ISO date `days` calendar days after `iso` (negative goes back). */
export function addDaysIso(iso: string, days: number): string {
  const { year, month, day } = requireIsoDate(iso);
  return new Date(Date.UTC(year, month - 1, day) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The weekday of an ISO date, as JS `getDay()` numbers (0 = Sunday … 6 = Saturday). */
export function weekdayOfIso(iso: string): number {
  const { year, month, day } = requireIsoDate(iso);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/**
 * The instant at `minuteOfDay` minutes after midnight of the local date `iso` in `timeZone`. Two passes settle the
 * offset across a DST change (Iran observed DST until 1401; other cities still may).
 */
export function zonedInstant(iso: string, minuteOfDay: number, timeZone: string): number {
  const { year, month, day } = requireIsoDate(iso);
  const wall = Date.UTC(year, month - 1, day, 0, minuteOfDay);
  const first = wall - offsetMs(wall, timeZone);
  return wall - offsetMs(first, timeZone);
}
