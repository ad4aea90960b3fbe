import { verifyIranianNationalId } from '@persian-tools/persian-tools';
import { compactDigits } from '../digits.js';

/** Returns the 10-digit Latin form of a valid national ID (8/9-digit legacy codes are left-padded), or null. */
export function normalizeNationalId(input: string): string | null {
  const digits = compactDigits(input);
  // The library takes the last 10 characters of longer inputs, so the length is checked here.
  if (!/^\d{8,10}$/.test(digits)) return null;
  const code = digits.padStart(10, '0');
  // checkPrefix is off: the issuing-office prefix list is lore (§7.1 [U]), not part of the algorithm.
  return verifyIranianNationalId(code, { checkPrefix: false }) ? code : null;
}

/** True if the input is a valid national ID (کد ملی) in any digit script. */
export function isValidNationalId(input: string): boolean {
  return normalizeNationalId(input) !== null;
}

/** Computes the check digit (10th digit) for the first 9 digits of a national ID. */
export function nationalIdCheckDigit(firstNine: string): number {
  const digits = compactDigits(firstNine);
  if (!/^\d{9}$/.test(digits)) throw new RangeError('nationalIdCheckDigit expects exactly 9 digits');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const r = sum % 11;
  return r < 2 ? r : 11 - r;
}
