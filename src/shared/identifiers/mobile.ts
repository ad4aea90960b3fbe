import { compactDigits } from '../digits.js';

// Country code as +98, 0098 or 98, or the trunk prefix 0, or nothing; then 9 and 9 more digits.
const MOBILE = /^(?:\+98|0098|98|0)?(9\d{9})$/;

/** Returns the canonical `09xxxxxxxxx` form of an Iranian mobile number, or null. */
export function normalizeMobile(input: string): string | null {
  const match = MOBILE.exec(compactDigits(input).replace(/[()]/g, ''));
  return match === null ? null : `0${match[1]}`;
}

/** True if the input is an Iranian mobile number in any accepted prefix form and digit script. */
export function isValidMobile(input: string): boolean {
  return normalizeMobile(input) !== null;
}
