import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toPersianDigits } from '../../../../shared/digits.js';
import {
  isValidTrackingCode,
  makeFileNumber,
  makeTrackingCode,
  parseFileNumber,
  parseTrackingCode,
  trackingCheckValue,
} from './tracking-code.js';

// Monday 1403-12-27, 10:00 Tehran.
const DATE = new Date('2025-03-17T06:30:00Z');

describe('tracking codes', () => {
  it('is municipality + Jalali yymmdd + serial + check digit', () => {
    expect(makeTrackingCode({ municipalityNumber: 7, date: DATE, serial: 1 })).toBe('07031227000012');
    expect(makeTrackingCode({ municipalityNumber: 7, date: DATE, serial: 3 })).toBe('07031227000039');
    expect(parseTrackingCode('07031227000012')).toEqual({
      municipalityNumber: 7,
      jalaliYymmdd: '031227',
      serial: 1,
    });
  });

  it('uses the Jalali day in the municipality time zone', () => {
    // 21:00 UTC on 2025-03-20 is already 1404-01-01 in Tehran.
    const code = makeTrackingCode({
      municipalityNumber: 7,
      date: new Date('2025-03-20T21:00:00Z'),
      serial: 1,
    });
    expect(code?.slice(2, 8)).toBe('040101');
  });

  it('does not issue serials whose check would be 10', () => {
    expect(trackingCheckValue('0703122700008')).toBe(10);
    expect(makeTrackingCode({ municipalityNumber: 7, date: DATE, serial: 8 })).toBeNull();
  });

  it('accepts Persian digits and separators; rejects malformed codes', () => {
    expect(isValidTrackingCode(toPersianDigits('07031227000012'))).toBe(true);
    expect(isValidTrackingCode('07-031227-00001-2')).toBe(true);
    expect(isValidTrackingCode('0703122700001')).toBe(false);
    expect(isValidTrackingCode('070312270000120')).toBe(false);
    // Municipality 00 and month 13 are refused even with a correct check digit.
    for (const body of ['0003122700001', '0703132700001']) {
      expect(trackingCheckValue(body)).toBeLessThan(10);
      expect(isValidTrackingCode(`${body}${trackingCheckValue(body)}`)).toBe(false);
    }
  });

  it('rejects out-of-range inputs', () => {
    expect(() => makeTrackingCode({ municipalityNumber: 100, date: DATE, serial: 1 })).toThrow(RangeError);
    expect(() => makeTrackingCode({ municipalityNumber: 7, date: DATE, serial: 100_000 })).toThrow(
      RangeError,
    );
    expect(() => makeTrackingCode({ municipalityNumber: 7, date: DATE, serial: 0 })).toThrow(RangeError);
  });

  const issued = fc
    .record({
      municipalityNumber: fc.integer({ min: 1, max: 99 }),
      date: fc.date({ min: new Date('2000-01-01'), max: new Date('2080-01-01'), noInvalidDate: true }),
      serial: fc.integer({ min: 1, max: 99_999 }),
    })
    .map((input) => makeTrackingCode(input))
    .filter((code): code is string => code !== null);

  it('every issued code is valid and parses back', () => {
    fc.assert(
      fc.property(issued, (code) => {
        expect(code).toMatch(/^\d{14}$/);
        expect(isValidTrackingCode(code)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('detects every single-digit typo', () => {
    fc.assert(
      fc.property(issued, fc.nat(13), fc.integer({ min: 1, max: 9 }), (code, position, shift) => {
        const wrong = String((Number(code[position]) + shift) % 10);
        const typo = code.slice(0, position) + wrong + code.slice(position + 1);
        expect(isValidTrackingCode(typo)).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('detects every swap of two different neighbouring digits', () => {
    fc.assert(
      fc.property(issued, fc.nat(12), (code, position) => {
        fc.pre(code[position] !== code[position + 1]);
        const swapped =
          code.slice(0, position) + code[position + 1] + code[position] + code.slice(position + 2);
        expect(isValidTrackingCode(swapped)).toBe(false);
      }),
      { numRuns: 5000 },
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
