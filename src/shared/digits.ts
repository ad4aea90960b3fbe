import { digitsArToEn, digitsArToFa, digitsEnToFa, digitsFaToEn } from '@persian-tools/persian-tools';

// Whitespace, hyphen/dash variants, and the ZWNJ/ZWJ/LRM/RLM marks that copy-paste from Persian UIs carries.
const SEPARATORS = /[\s\u200c-\u200f\u2010-\u2015\u2212-]/g;

/** Converts Persian (۰-۹) and Arabic-Indic (٠-٩) digits to ASCII digits; other characters are kept. */
export function toLatinDigits(input: string): string {
  return digitsArToEn(digitsFaToEn(input));
}

/** Converts ASCII and Arabic-Indic digits to Persian digits; other characters are kept. */
export function toPersianDigits(input: string): string {
  return digitsArToFa(digitsEnToFa(input));
}

/** Returns only the digits of the input, as ASCII digits (Persian and Arabic-Indic digits are converted, not dropped). */
export function stripNonDigits(input: string): string {
  return toLatinDigits(input).replace(/[^0-9]/g, '');
}

/** Converts digits to ASCII and removes spaces, dashes and bidi marks, keeping every other character. */
export function compactDigits(input: string): string {
  return toLatinDigits(input).replace(SEPARATORS, '');
}
