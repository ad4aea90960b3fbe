import type { Locale } from '../../i18n/messages.js';

const yearFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached(map: Map<string, Intl.DateTimeFormat>, key: string, make: () => Intl.DateTimeFormat) {
  let format = map.get(key);
  if (!format) {
    format = make();
    map.set(key, format);
  }
  return format;
}

/** The Jalali year of an instant in a time zone (certificate serials restart each year on 1 Farvardin). */
export function jalaliYearOf(at: Date, timeZone: string): number {
  const format = cached(
    yearFormats,
    timeZone,
    () => new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { year: 'numeric', timeZone }),
  );
  return Number(format.formatToParts(at).find((part) => part.type === 'year')?.value);
}

/** yyyy/mm/dd on the Jalali calendar, ASCII digits (the renderer turns them Persian in Persian documents). */
export function jalaliDate(at: Date, timeZone: string): string {
  const format = cached(
    dateFormats,
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        timeZone,
      }),
  );
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  return `${parts.year}/${parts.month}/${parts.day}`;
}

/** How a date reads on a certificate: Jalali, and in English and Vietnamese also the Gregorian date beside it. */
export function certificateDate(at: Date, timeZone: string, lang: Locale): string {
  const jalali = jalaliDate(at, timeZone);
  if (lang === 'fa') return jalali;
  const gregorian = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
  return `${jalali} (${gregorian})`;
}
