import type { Locale } from '../../i18n/messages.js';
import { isoToJalali } from '../cases/calendar/jalali.js';
import type { LocalizedText } from '../certificates/index.js';

/** Text in the three languages, built by one function of the language. */
export function localized(make: (lang: Locale) => string): Required<LocalizedText> {
  return { fa: make('fa'), en: make('en'), vi: make('vi') };
}

/** An ISO date as a Jalali yyyy/mm/dd (ASCII digits: the renderer and the web localise them). */
export function jalali(iso: string): string {
  const { year, month, day } = isoToJalali(iso);
  return `${year}/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}`;
}

/** Rials with thousands separators, from a bigint or its decimal string. */
export function rials(amount: bigint | string): string {
  return BigInt(amount).toLocaleString('en-US');
}

export function pick(lang: Locale, fa: string, en: string, vi: string): string {
  return lang === 'fa' ? fa : lang === 'vi' ? vi : en;
}
