import { toPersianDigits } from '../../shared/digits.js';

/**
 * Persian text takes Persian digits (۱۴۰۴/۰۲/۱۵); a token that contains Latin letters (MS-2024-001, a URL) keeps
 * its ASCII digits, as Persian typesetting does.
 */
export function localizeDigits(text: string, lang: string): string {
  if (lang !== 'fa') return text;
  return text
    .split(/(\s+)/)
    .map((token) => (/[A-Za-z]/.test(token) ? token : toPersianDigits(token)))
    .join('');
}
