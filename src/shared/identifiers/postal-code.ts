import { compactDigits } from '../digits.js';

// Open-source heuristic, not an official spec (§7.3 [U]): use only for a soft warning.
const PLAUSIBLE_POSTAL_CODE = /^(?!(\d)\1{3})[13-9]{4}[1346-9][013-9]{5}$/;

/** Returns the 10-digit Latin form of a postal code, or null if it is not 10 digits. */
export function normalizePostalCode(input: string): string | null {
  const digits = compactDigits(input);
  return /^\d{10}$/.test(digits) ? digits : null;
}

/** True if the input is 10 digits; this is the only hard rule (postal codes have no check digit). */
export function isWellFormedPostalCode(input: string): boolean {
  return normalizePostalCode(input) !== null;
}

/** Soft heuristic: true if a well-formed postal code also matches the digit pattern real codes follow. */
export function looksLikeRealPostalCode(input: string): boolean {
  const code = normalizePostalCode(input);
  return code !== null && PLAUSIBLE_POSTAL_CODE.test(code);
}
