import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidSheba, normalizeSheba } from './sheba.js';
import { arabicIndic, changeDigit, digitString, persian, singleDigitChange } from './test-support.js';

const VECTOR = 'IR062960000000100324200001';

// Independent ISO 13616 check-digit computation (I = 18, R = 27) to generate valid numbers.
function withCheckDigits(bban: string): string {
  const check = 98n - (BigInt(`${bban}182700`) % 97n);
  return `IR${String(check).padStart(2, '0')}${bban}`;
}

describe('Sheba (§7.7 vectors)', () => {
  it('accepts IR062960000000100324200001', () => {
    expect(isValidSheba(VECTOR)).toBe(true);
  });

  it.each([...'023456789'])('rejects the vector with its last digit changed to %s', (d) => {
    expect(isValidSheba(`${VECTOR.slice(0, -1)}${d}`)).toBe(false);
  });
});

describe('Sheba input handling', () => {
  it('accepts lower case, spaces, dashes and Persian or Arabic-Indic digits', () => {
    expect(normalizeSheba('ir06 2960 0000 0010 0324 2000 01')).toBe(VECTOR);
    expect(normalizeSheba('IR06-2960-0000-0010-0324-2000-01')).toBe(VECTOR);
    expect(normalizeSheba(`IR${persian(VECTOR.slice(2))}`)).toBe(VECTOR);
    expect(normalizeSheba(`IR${arabicIndic(VECTOR.slice(2))}`)).toBe(VECTOR);
  });

  it('requires the IR country code and exactly 24 digits', () => {
    expect(isValidSheba(VECTOR.slice(2))).toBe(false);
    expect(isValidSheba(`${VECTOR}0`)).toBe(false);
    expect(isValidSheba(VECTOR.slice(0, -1))).toBe(false);
    expect(isValidSheba(`DE${VECTOR.slice(2)}`)).toBe(false);
  });
});

describe('Sheba properties', () => {
  const validSheba = digitString(22).map(withCheckDigits);

  it('numbers with correct ISO 13616 check digits are valid', () => {
    fc.assert(
      fc.property(validSheba, (sheba) => {
        expect(isValidSheba(sheba)).toBe(true);
      }),
    );
  });

  it('changing any single digit of a valid Sheba makes it invalid', () => {
    fc.assert(
      fc.property(validSheba, singleDigitChange(24), (sheba, { position, shift }) => {
        expect(isValidSheba(`IR${changeDigit(sheba.slice(2), position, shift)}`)).toBe(false);
      }),
    );
  });

  it('validates Persian input the same as Latin input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          validSheba,
          digitString(24).map((d) => `IR${d}`),
        ),
        (sheba) => {
          expect(isValidSheba(`IR${persian(sheba.slice(2))}`)).toBe(isValidSheba(sheba));
        },
      ),
    );
  });
});
