import fc from 'fast-check';

/** Arbitrary string of exactly `length` ASCII digits. */
export function digitString(length: number): fc.Arbitrary<string> {
  return fc.stringMatching(new RegExp(`^\\d{${length}}$`));
}

/** Arbitrary (position, shift) pair that changes exactly one digit of a string of the given length. */
export function singleDigitChange(length: number): fc.Arbitrary<{ position: number; shift: number }> {
  return fc.record({
    position: fc.integer({ min: 0, max: length - 1 }),
    shift: fc.integer({ min: 1, max: 9 }),
  });
}

/** Replaces the digit at `position` with (digit + shift) mod 10, so the result always differs. */
export function changeDigit(value: string, position: number, shift: number): string {
  const next = (Number(value[position]) + shift) % 10;
  return `${value.slice(0, position)}${next}${value.slice(position + 1)}`;
}

/** Rewrites ASCII digits in Persian (۰-۹) script. */
export function persian(value: string): string {
  return value.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
}

/** Rewrites ASCII digits in Arabic-Indic (٠-٩) script. */
export function arabicIndic(value: string): string {
  return value.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
}
