import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toPersianDigits } from '../../../../shared/digits.js';
import {
  isValidTrackingCode,
  MAX_TRACKING_MUNICIPALITY,
  makeFileNumber,
  makeTrackingCode,
  parseFileNumber,
  parseTrackingCode,
  trackingCheckValue,
} from './tracking-code.js';

// Monday 1403-12-27, 10:00 Tehran.
const DATE = new Date('2025-03-17T06:30:00Z');

describe('tracking codes', () => {
  it('is a 4-digit municipality + Jalali yymmdd + serial + check digit', () => {
    expect(makeTrackingCode({ municipalityNumber: 7, date: DATE, serial: 1 })).toBe('0007031227000012');
    expect(makeTrackingCode({ municipalityNumber: 7, date: DATE, serial: 3 })).toBe('0007031227000039');
    expect(makeTrackingCode({ municipalityNumber: 1234, date: DATE, serial: 1 })).toBe('1234031227000015');
    expect(parseTrackingCode('1234031227000015')).toEqual({
      municipalityNumber: 1234,
      jalaliYymmdd: '031227',
      serial: 1,
      layout: 'current',
    });
  });

  it('gives municipalities 100 and 9999 codes of their own (a national deployment)', () => {
    const codes = [1, 100, 101, 9999].map((n) =>
      makeTrackingCode({ municipalityNumber: n, date: DATE, serial: 1 }),
    );
    expect(new Set(codes).size).toBe(4);
    expect(codes.map((code) => parseTrackingCode(code!)?.municipalityNumber)).toEqual([1, 100, 101, 9999]);
  });

  it('still reads codes issued before the wider layout (14 digits, 2-digit municipality)', () => {
    expect(parseTrackingCode('07031227000012')).toEqual({
      municipalityNumber: 7,
      jalaliYymmdd: '031227',
      serial: 1,
      layout: 'old',
    });
    expect(isValidTrackingCode(toPersianDigits('07-031227-00001-2'))).toBe(true);
    expect(isValidTrackingCode('07031227000013')).toBe(false);
  });

  it('uses the Jalali day in the municipality time zone', () => {
    // 21:00 UTC on 2025-03-20 is already 1404-01-01 in Tehran.
    const code = makeTrackingCode({
      municipalityNumber: 7,
      date: new Date('2025-03-20T21:00:00Z'),
      serial: 1,
    });
    expect(code?.slice(4, 10)).toBe('040101');
  });

  it('does not issue serials whose check would be 10', () => {
    expect(trackingCheckValue('000703122700008')).toBe(10);
    expect(makeTrackingCode({ municipalityNumber: 7, date: DATE, serial: 8 })).toBeNull();
  });

  it('accepts Persian digits and separators; rejects malformed codes', () => {
    expect(isValidTrackingCode(toPersianDigits('0007031227000012'))).toBe(true);
    expect(isValidTrackingCode('0007-031227-00001-2')).toBe(true);
    expect(isValidTrackingCode('000703122700001')).toBe(false);
    expect(isValidTrackingCode('00070312270000120')).toBe(false);
    // Municipality 0000 and month 13 are refused even with a correct check digit.
    for (const body of ['000003122700001', '000703132700001']) {
      expect(trackingCheckValue(body)).toBeLessThan(10);
      expect(isValidTrackingCode(`${body}${trackingCheckValue(body)}`)).toBe(false);
    }
  });

  it('rejects out-of-range inputs', () => {
    expect(() => makeTrackingCode({ municipalityNumber: 10_000, date: DATE, serial: 1 })).toThrow(RangeError);
    expect(() => makeTrackingCode({ municipalityNumber: 0, date: DATE, serial: 1 })).toThrow(RangeError);
    expect(() => makeTrackingCode({ municipalityNumber: 7, date: DATE, serial: 100_000 })).toThrow(
      RangeError,
    );
    expect(() => makeTrackingCode({ municipalityNumber: 7, date: DATE, serial: 0 })).toThrow(RangeError);
  });

  const date = fc.date({ min: new Date('2000-01-01'), max: new Date('2080-01-01'), noInvalidDate: true });
  const issued = fc
    .record({
      municipalityNumber: fc.integer({ min: 1, max: MAX_TRACKING_MUNICIPALITY }),
      date,
      serial: fc.integer({ min: 1, max: 99_999 }),
    })
    .map((input) => makeTrackingCode(input))
    .filter((code): code is string => code !== null);
  /** Codes in the old layout, as they were issued before 0005: the old body and the same check digit. */
  const oldLayout = fc
    .record({
      municipality: fc.integer({ min: 1, max: 99 }),
      date,
      serial: fc.integer({ min: 1, max: 99_999 }),
    })
    .map(({ municipality, date: at, serial }) => {
      const current = makeTrackingCode({ municipalityNumber: municipality, date: at, serial });
      return current === null ? null : current.slice(2);
    })
    .filter((code): code is string => code !== null);
  const anyCode = fc.oneof(issued, oldLayout);

  it('every issued code is valid and parses back to what it was made from', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_TRACKING_MUNICIPALITY }),
        fc.integer({ min: 1, max: 99_999 }),
        (municipalityNumber, serial) => {
          const code = makeTrackingCode({ municipalityNumber, date: DATE, serial });
          fc.pre(code !== null);
          expect(code).toMatch(/^\d{16}$/);
          expect(parseTrackingCode(code!)).toEqual({
            municipalityNumber,
            jalaliYymmdd: '031227',
            serial,
            layout: 'current',
          });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('detects every single-digit typo, at every position, by every wrong digit (both layouts)', () => {
    fc.assert(
      fc.property(anyCode, (code) => {
        expect(isValidTrackingCode(code)).toBe(true);
        for (let position = 0; position < code.length; position++) {
          for (let shift = 1; shift <= 9; shift++) {
            const wrong = String((Number(code[position]) + shift) % 10);
            const typo = code.slice(0, position) + wrong + code.slice(position + 1);
            expect(isValidTrackingCode(typo), typo).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('detects every swap of two different neighbouring digits (both layouts)', () => {
    fc.assert(
      fc.property(anyCode, (code) => {
        for (let position = 0; position + 1 < code.length; position++) {
          if (code[position] === code[position + 1]) continue;
          const swapped =
            code.slice(0, position) + code[position + 1] + code[position] + code.slice(position + 2);
          expect(isValidTrackingCode(swapped), swapped).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('file numbers', () => {
  it("follows Tehran's district + 9-digit serial format", () => {
    expect(makeFileNumber(22, 1_840_320)).toBe('22001840320');
    expect(parseFileNumber('22001840320')).toEqual({ districtNumber: 22, serial: 1_840_320 });
    expect(parseFileNumber(toPersianDigits('05000000001'))).toEqual({ districtNumber: 5, serial: 1 });
  });

  it('rejects malformed numbers', () => {
    expect(parseFileNumber('2200184032')).toBeNull();
    expect(parseFileNumber('00001840320')).toBeNull();
    expect(parseFileNumber('22000000000')).toBeNull();
    expect(() => makeFileNumber(0, 1)).toThrow(RangeError);
    expect(() => makeFileNumber(22, 1_000_000_000)).toThrow(RangeError);
  });

  it('round-trips', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1, max: 999_999_999 }),
        (district, serial) => {
          expect(parseFileNumber(makeFileNumber(district, serial))).toEqual({
            districtNumber: district,
            serial,
          });
        },
      ),
    );
  });
});
