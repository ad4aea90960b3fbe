import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactDigits, stripNonDigits, toLatinDigits, toPersianDigits } from './digits.js';

describe('toLatinDigits', () => {
  it('converts Persian and Arabic-Indic digits', () => {
    expect(toLatinDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(toLatinDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
  });

  it('keeps every other character', () => {
    expect(toLatinDigits('پلاک ۱۲-٣4')).toBe('پلاک 12-34');
  });
});

describe('toPersianDigits', () => {
  it('converts Latin and Arabic-Indic digits', () => {
    expect(toPersianDigits('0123456789')).toBe('۰۱۲۳۴۵۶۷۸۹');
    expect(toPersianDigits('٠١٢٣٤٥٦٧٨٩')).toBe('۰۱۲۳۴۵۶۷۸۹');
    expect(toPersianDigits('واحد 7')).toBe('واحد ۷');
  });

  it('round-trips through toLatinDigits for any string', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(toLatinDigits(toPersianDigits(s))).toBe(toLatinDigits(s));
      }),
    );
  });
});

describe('stripNonDigits', () => {
  it('keeps digits of every script as Latin digits and drops the rest', () => {
    expect(stripNonDigits('IR۰۶-٢٩ 60x')).toBe('062960');
    expect(stripNonDigits('no digits')).toBe('');
  });
});

describe('compactDigits', () => {
  it('removes spaces, dashes and bidi marks but keeps letters', () => {
    expect(compactDigits('۰۹۱۲ ۱۲۳-۴۵۶۷')).toBe('09121234567');
    expect(compactDigits('\u200e0912\u00a0123\u20134567\u200f')).toBe('09121234567');
    expect(compactDigits('12a4')).toBe('12a4');
  });
});
