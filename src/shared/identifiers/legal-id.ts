import { verifyIranianLegalId } from '@persian-tools/persian-tools';
import { compactDigits } from '../digits.js';

const WEIGHTS = [29, 27, 23, 19, 17];

/** Returns the 11-digit Latin form of a valid legal-entity ID, or null. */
export function normalizeLegalId(input: string): string | null {
  const digits = compactDigits(input);
  // The library only checks the first 11 characters, so longer inputs are rejected here.
  if (!/^\d{11}$/.test(digits)) return null;
  return verifyIranianLegalId(digits) === true ? digits : null;
}

/** True if the input is a valid legal-entity ID (شناسه ملی اشخاص حقوقی) in any digit script. */
export function isValidLegalId(input: string): boolean {
  return normalizeLegalId(input) !== null;
}

/** Computes the check digit (11th digit) for the first 10 digits of a legal-entity ID. */
export function legalIdCheckDigit(firstTen: string): number {
  const digits = compactDigits(firstTen);
  if (!/^\d{10}$/.test(digits)) throw new RangeError('legalIdCheckDigit expects exactly 10 digits');
  const k = Number(digits[9]) + 2;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (k + Number(digits[i])) * WEIGHTS[i % 5];
  const c = sum % 11;
  return c === 10 ? 0 : c;
}
