import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidCardNumber, luhnCheckDigit, normalizeCardNumber } from './card.js';
import { changeDigit, digitString, persian, singleDigitChange } from './test-support.js';

describe('card number (Luhn, §7.7)', () => {
  it.each(['4111111111111111', '5555555555554444', '6037991234567893'])('accepts %s', (pan) => {
    expect(isValidCardNumber(pan)).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidCardNumber('6037991234567890')).toBe(false);
    expect(isValidCardNumber('4111111111111112')).toBe(false);
  });

  it('accepts 4000000000000002, which passes Luhn (persian-tools rejects it)', () => {
    expect(isValidCardNumber('4000000000000002')).toBe(true);
  });

  it('rejects 17 digits whose first 16 are valid (persian-tools accepts them)', () => {
    expect(isValidCardNumber('60379912345678930')).toBe(false);
    expect(isValidCardNumber('603799123456789')).toBe(false);
  });

  it('accepts Persian digits, spaces and dashes', () => {
    expect(normalizeCardNumber('۶۰۳۷ ۹۹۱۲ ۳۴۵۶ ۷۸۹۳')).toBe('6037991234567893');
    expect(normalizeCardNumber('6037-9912-3456-7893')).toBe('6037991234567893');
  });

  it('rejects letters', () => {
    expect(isValidCardNumber('603799123456789a')).toBe(false);
  });
});

describe('card number properties', () => {
  const validCard = digitString(15).map((body) => `${body}${luhnCheckDigit(body)}`);

  it('exactly one check digit completes any 15 digits', () => {
    fc.assert(
      fc.property(digitString(15), (body) => {
        const valid = [...'0123456789'].filter((d) => isValidCardNumber(body + d));
        expect(valid).toEqual([String(luhnCheckDigit(body))]);
      }),
    );
  });

  it('changing any single digit of a valid card makes it invalid', () => {
    fc.assert(
      fc.property(validCard, singleDigitChange(16), (pan, { position, shift }) => {
        expect(isValidCardNumber(pan)).toBe(true);
        expect(isValidCardNumber(changeDigit(pan, position, shift))).toBe(false);
      }),
    );
  });

  it('validates Persian input the same as Latin input', () => {
    fc.assert(
      fc.property(fc.oneof(validCard, digitString(16)), (pan) => {
        expect(isValidCardNumber(persian(pan))).toBe(isValidCardNumber(pan));
      }),
    );
  });
});
