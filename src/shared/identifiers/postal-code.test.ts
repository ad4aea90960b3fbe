import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWellFormedPostalCode, looksLikeRealPostalCode, normalizePostalCode } from './postal-code.js';
import { digitString, persian } from './test-support.js';

describe('postal code', () => {
  it('is well formed with exactly 10 digits in any script, with spaces or a dash', () => {
    expect(isWellFormedPostalCode('1234567890')).toBe(true);
    expect(normalizePostalCode('۱۳۴۶۷-۱۸۱۱۳')).toBe('1346718113');
    expect(isWellFormedPostalCode('123456789')).toBe(false);
    expect(isWellFormedPostalCode('12345678901')).toBe(false);
    expect(isWellFormedPostalCode('123456789a')).toBe(false);
  });

  it('accepts a code matching the heuristic', () => {
    expect(looksLikeRealPostalCode('1346718113')).toBe(true);
    expect(looksLikeRealPostalCode('۱۳۴۶۷-۱۸۱۱۳')).toBe(true);
  });

  it.each([
    ['1234567890', '0 or 2 in the first four digits'],
    ['1345567890', '5 as the fifth digit'],
    ['1346718112', '2 in the last five digits'],
    ['3333718113', 'a leading run of four identical digits'],
    ['134671811', 'nine digits'],
  ])('flags %s (%s)', (code) => {
    expect(looksLikeRealPostalCode(code)).toBe(false);
  });

  it('only well-formed codes can look real, and Persian digits give the same answer', () => {
    fc.assert(
      fc.property(fc.oneof(digitString(10), fc.stringMatching(/^[13-9]{4}[1346-9][013-9]{5}$/)), (code) => {
        expect(looksLikeRealPostalCode(persian(code))).toBe(looksLikeRealPostalCode(code));
        expect(isWellFormedPostalCode(code)).toBe(true);
      }),
    );
  });
});
