import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidNationalId, nationalIdCheckDigit, normalizeNationalId } from './national-id.js';
import { arabicIndic, digitString, persian } from './test-support.js';

describe('national ID (§7.1 vectors)', () => {
  it.each(['0076229645', '1583250689', '11537027'])('accepts %s', (id) => {
    expect(isValidNationalId(id)).toBe(true);
  });

  it('left-pads the 8-digit legacy form', () => {
    expect(normalizeNationalId('11537027')).toBe('0011537027');
    expect(normalizeNationalId('011537027')).toBe('0011537027');
  });

  it('rejects 9999999999', () => {
    expect(isValidNationalId('9999999999')).toBe(false);
  });
});

describe('national ID rules', () => {
  it('rejects all-identical digits even though 1111111111 and 9999999999 pass the checksum', () => {
    expect(isValidNationalId('1111111111')).toBe(false);
    expect(isValidNationalId('0000000000')).toBe(false);
  });

  it('rejects digits 4-9 all zero even with a correct checksum (1230000003)', () => {
    expect(isValidNationalId('1230000003')).toBe(false);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidNationalId('0076229646')).toBe(false);
  });

  it('rejects wrong lengths, including 11 digits whose last 10 are valid', () => {
    expect(isValidNationalId('10076229645')).toBe(false);
    expect(isValidNationalId('1537027')).toBe(false);
    expect(isValidNationalId('')).toBe(false);
  });

  it('rejects letters', () => {
    expect(isValidNationalId('007622964a')).toBe(false);
  });

  it('accepts Persian and Arabic-Indic digits, spaces and dashes', () => {
    expect(normalizeNationalId('۰۰۷۶۲۲۹۶۴۵')).toBe('0076229645');
    expect(normalizeNationalId('٠٠٧٦٢٢٩٦٤٥')).toBe('0076229645');
    expect(normalizeNationalId(' 007-622964-5 ')).toBe('0076229645');
  });

  it('does not require a known issuing-office prefix', () => {
    const id = `999123456${nationalIdCheckDigit('999123456')}`;
    expect(id).toBe('9991234561');
    expect(isValidNationalId(id)).toBe(true);
  });
});

describe('national ID properties', () => {
  const excluded = (nine: string) => /^(\d)\1{8}$/.test(nine) || nine.slice(3, 9) === '000000';
  const firstNine = fc.oneof(
    digitString(9),
    fc.integer({ min: 0, max: 9 }).map((d) => String(d).repeat(9)),
    digitString(3).map((prefix) => `${prefix}000000`),
  );

  it('exactly one check digit completes 9 digits, and it is the computed one', () => {
    fc.assert(
      fc.property(firstNine, (nine) => {
        const valid = [...'0123456789'].filter((d) => isValidNationalId(nine + d));
        expect(valid).toEqual(excluded(nine) ? [] : [String(nationalIdCheckDigit(nine))]);
      }),
    );
  });

  it('validates Persian and Arabic-Indic input the same as Latin input', () => {
    fc.assert(
      fc.property(firstNine, fc.integer({ min: 0, max: 9 }), (nine, check) => {
        const id = `${nine}${check}`;
        expect(isValidNationalId(persian(id))).toBe(isValidNationalId(id));
        expect(isValidNationalId(arabicIndic(id))).toBe(isValidNationalId(id));
      }),
    );
  });

  it('a valid code starting with 00 is also valid without its leading zeros', () => {
    fc.assert(
      fc.property(digitString(7), (seven) => {
        fc.pre(!excluded(`00${seven}`));
        const id = `00${seven}${nationalIdCheckDigit(`00${seven}`)}`;
        expect(normalizeNationalId(id.slice(2))).toBe(id);
        expect(normalizeNationalId(id.slice(1))).toBe(id);
      }),
    );
  });
});
