import { compactDigits } from '../digits.js';

function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const fromRight = digits.length - 1 - i;
    let d = Number(digits[i]);
    if (fromRight % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum;
}

/** Computes the Luhn check digit to append to the given digits (the first 15 digits of a card number). */
export function luhnCheckDigit(digits: string): number {
  const latin = compactDigits(digits);
  if (!/^\d+$/.test(latin)) throw new RangeError('luhnCheckDigit expects a non-empty digit string');
  return (10 - (luhnSum(`${latin}0`) % 10)) % 10;
}

/** Returns the 16-digit Latin form of a valid bank card number (PAN), or null. */
export function normalizeCardNumber(input: string): string | null {
  const digits = compactDigits(input);
  if (!/^\d{16}$/.test(digits)) return null;
  return luhnSum(digits) % 10 === 0 ? digits : null;
}

/** True if the input is a 16-digit card number with a valid Luhn check digit. */
export function isValidCardNumber(input: string): boolean {
  return normalizeCardNumber(input) !== null;
}
