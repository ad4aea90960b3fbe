import { isShebaValid } from '@persian-tools/persian-tools';
import { compactDigits } from '../digits.js';

/** Returns the canonical 26-character form (`IR` + 24 digits) of a valid Sheba (IBAN), or null. */
export function normalizeSheba(input: string): string | null {
  const sheba = compactDigits(input).toUpperCase();
  // The library silently prepends IR to bare digits; a Sheba without its country code is rejected here.
  if (!/^IR\d{24}$/.test(sheba)) return null;
  return isShebaValid(sheba) ? sheba : null;
}

/** True if the input is a valid Iranian Sheba number (ISO 13616 mod 97). */
export function isValidSheba(input: string): boolean {
  return normalizeSheba(input) !== null;
}
