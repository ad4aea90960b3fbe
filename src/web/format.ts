import { numberToWords } from '@persian-tools/persian-tools';
import type { Language } from './i18n/languages.js';
import { isoToJalali, jalaliToIso } from './jalali.js';

const NUMBER_LOCALES: Record<Language, string> = { fa: 'fa-IR', en: 'en-US', vi: 'vi-VN' };
const PERSIAN_CALENDAR_LOCALES: Record<Language, string> = {
  fa: 'fa-IR-u-ca-persian',
  en: 'en-u-ca-persian',
  vi: 'vi-u-ca-persian',
};
export const DEFAULT_TIME_ZONE = 'Asia/Tehran';

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_INDIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${language}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(NUMBER_LOCALES[language], options);
    formatters.set(key, formatter);
  }
  return formatter as Intl.NumberFormat;
}

function dateFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${language}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(PERSIAN_CALENDAR_LOCALES[language], options);
    formatters.set(key, formatter);
  }
  return formatter as Intl.DateTimeFormat;
}

/** Turns Persian (۰-۹) and Arabic-Indic (٠-٩) digits into ASCII digits, as typed on a Persian keyboard. */
export function toLatinDigits(text: string): string {
  return text.replace(/[۰-۹٠-٩]/g, (digit) => {
    const persian = PERSIAN_DIGITS.indexOf(digit);
    return String(persian >= 0 ? persian : ARABIC_INDIC_DIGITS.indexOf(digit));
  });
}

/**
 * A number typed with Persian or Latin digits, thousands separators and a Persian decimal sign («۱۲٬۵۰۰٫۵»);
 * undefined when empty. Text that is no number comes back as it is, so that the API can name the field at fault.
 */
export function parseTypedNumber(text: string): number | string | undefined {
  const clean = toLatinDigits(text)
    .replace(/[\s,\u066C]/g, '')
    .replace('\u066B', '.');
  if (clean === '') return undefined;
  const value = Number(clean);
  return Number.isFinite(value) ? value : text;
}

/**
 * Wraps a code in Unicode isolates (LRI … PDI) so that, inside a Persian sentence, «01-0001-003» keeps its order
 * instead of being read right to left segment by segment. For codes interpolated into translated text.
 */
export function isolateLtr(text: string): string {
  return `\u2066${text}\u2069`;
}

/**
 * Wraps free text someone typed (a reason, a letter number) in a first-strong isolate (FSI … PDI), so that a Persian
 * reason inside an English sentence, or the reverse, keeps its own direction and punctuation.
 */
export function isolateAuto(text: string): string {
  return `\u2068${text}\u2069`;
}

/** Shows the ASCII digits of an identifier (postal code, renewal code…) in the language's digits, with no grouping. */
export function localizeDigits(text: string, language: Language): string {
  if (language !== 'fa') return text;
  return text.replace(/[0-9]/g, (digit) => PERSIAN_DIGITS[Number(digit)]);
}

export function formatNumber(value: number, language: Language, maximumFractionDigits = 2): string {
  return numberFormat(language, { maximumFractionDigits }).format(value);
}

/** A percentage given on the 0–100 scale (a density of 120 %, a coverage of 60 %): «۱۲۰٪», "120%". */
export function formatPercent(pct: number, language: Language, maximumFractionDigits = 1): string {
  return numberFormat(language, { style: 'percent', maximumFractionDigits }).format(pct / 100);
}

/** A whole number of rials with thousands separators: «۱۲٬۵۰۰٬۰۰۰», "12,500,000". */
export function formatRials(amount: number, language: Language): string {
  return numberFormat(language, { maximumFractionDigits: 0 }).format(amount);
}

/** A whole amount in Persian words, as written on a bill («هفده میلیون»); null in other languages. */
export function amountInWords(amount: number, language: Language): string | null {
  if (language !== 'fa' || !Number.isSafeInteger(amount) || amount < 0) return null;
  const words = numberToWords(amount);
  return typeof words === 'string' && words !== '' ? words : null;
}

/** An integer with no thousands separator, for numbers that are labels (district 12, plate 1402). */
export function formatOrdinalNumber(value: number, language: Language): string {
  return numberFormat(language, { useGrouping: false, maximumFractionDigits: 0 }).format(value);
}

/** A calendar date (`YYYY-MM-DD`) in the Persian calendar: «۲۴ آبان ۱۳۹۱», "Aban 24, 1391 AP". */
export function formatDate(isoDate: string, language: Language): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return dateFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A moment, in the Persian calendar and the municipality's time zone. */
export function formatDateTime(iso: string, language: Language, timeZone = DEFAULT_TIME_ZONE): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

/**
 * A Solar Hijri date typed as year/month/day («۱۴۰۳/۵/۲۰», "1403-05-20"; Persian digits welcome) as the Gregorian
 * ISO date the API stores; undefined when empty, null when it is no real day.
 */
export function parseJalaliInput(text: string): string | null | undefined {
  const clean = toLatinDigits(text).trim();
  if (clean === '') return undefined;
  const match = /^(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})$/.exec(clean);
  if (!match) return null;
  return jalaliToIso({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
}

/** A Gregorian ISO date written the way a date input takes it back: «۱۴۰۳/۰۵/۲۰» in Persian, 1403/05/20 otherwise. */
export function formatJalaliInput(isoDate: string, language: Language): string {
  const date = isoToJalali(isoDate);
  if (!date) return isoDate;
  const text = `${date.year}/${String(date.month).padStart(2, '0')}/${String(date.day).padStart(2, '0')}`;
  return localizeDigits(text, language);
}

/** A size in bytes as the user reads it: «۵ مگابایت» needs the catalogue, so this gives the number and its unit. */
export function byteSize(bytes: number): { value: number; unit: 'megabytes' | 'kilobytes' } {
  const MB = 1024 * 1024;
  if (bytes >= MB) return { value: Math.round((bytes / MB) * 10) / 10, unit: 'megabytes' };
  return { value: Math.max(1, Math.round(bytes / 1024)), unit: 'kilobytes' };
}

export function formatUnixTime(seconds: number, language: Language, timeZone = DEFAULT_TIME_ZONE): string {
  const date = new Date(seconds * 1000);
  return dateFormat(language, { dateStyle: 'short', timeStyle: 'medium', timeZone }).format(date);
}

/** Minutes and seconds left, e.g. «۱:۰۵» or "0:09". */
export function formatCountdown(totalSeconds: number, language: Language): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return localizeDigits(text, language);
}

export interface RegistrationPlate {
  mainPlate: number;
  subPlates: number[];
}

/** A registration plate written sub/main (فرعی/اصلی), e.g. «۲۰۱/۱۰۱»; several sub plates are joined by a dash. */
export function formatPlate(plate: RegistrationPlate, language: Language): string {
  const main = String(plate.mainPlate);
  const text = plate.subPlates.length > 0 ? `${plate.subPlates.join('-')}/${main}` : main;
  return localizeDigits(text, language);
}

/** True when a share is counted in dang (sixths), the usual way Iranian deeds state ownership. */
export function isShareInDang(share: { numerator: number; denominator: number }): boolean {
  return share.denominator === 6;
}
