import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidLegalId, legalIdCheckDigit, normalizeLegalId } from './legal-id.js';
import { digitString, persian } from './test-support.js';

describe('legal-entity ID (§7.2 vectors)', () => {
  it('accepts 10380284790', () => {
    expect(isValidLegalId('10380284790')).toBe(true);
  });

  it.each(['10380284792', '11111111111'])('rejects %s', (id) => {
    expect(isValidLegalId(id)).toBe(false);
  });
});

describe('legal-entity ID rules', () => {
  it('rejects all-zero codes and codes whose digits 4-9 are zero', () => {
    expect(isValidLegalId('00000000000')).toBe(false);
    const tenWithZeros = '1230000004';
    expect(isValidLegalId(`${tenWithZeros}${legalIdCheckDigit(tenWithZeros)}`)).toBe(false);
  });

  it('rejects inputs longer than 11 digits whose first 11 are valid', () => {
    expect(isValidLegalId('103802847901')).toBe(false);
    expect(isValidLegalId('1038028479')).toBe(false);
  });

  it('accepts Persian digits and separators', () => {
    expect(normalizeLegalId('۱۰۳۸۰۲۸۴۷۹۰')).toBe('10380284790');
    expect(normalizeLegalId('103-8028-4790')).toBe('10380284790');
  });
});

describe('legal-entity ID properties', () => {
  it('exactly one check digit completes 10 digits, and it is the computed one', () => {
    fc.assert(
      fc.property(digitString(10), (ten) => {
        fc.pre(ten.slice(3, 9) !== '000000');
        const valid = [...'0123456789'].filter((d) => isValidLegalId(ten + d));
        expect(valid).toEqual([String(legalIdCheckDigit(ten))]);
      }),
    );
  });

  it('validates Persian input the same as Latin input', () => {
    fc.assert(
      fc.property(digitString(10), fc.integer({ min: 0, max: 9 }), (ten, check) => {
        expect(isValidLegalId(persian(`${ten}${check}`))).toBe(isValidLegalId(`${ten}${check}`));
      }),
    );
  });
});
