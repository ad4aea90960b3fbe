import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalFormatter, LATIN_DIGITS, PERSIAN_DIGITS } from './number-text.js';

const styles = [
  {
    name: 'en-US, 4 decimals, grouped (fee formulas)',
    intl: new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 }),
    style: { fractionDigits: 4, group: ',', decimal: '.', digits: LATIN_DIGITS },
  },
  {
    name: 'fa-IR, 2 decimals (Persian digits)',
    intl: new Intl.NumberFormat('fa-IR', { maximumFractionDigits: 2, useGrouping: false }),
    style: { fractionDigits: 2, group: '', decimal: '٫', digits: PERSIAN_DIGITS },
  },
  {
    name: 'en, 2 decimals',
    intl: new Intl.NumberFormat('en', { maximumFractionDigits: 2, useGrouping: false }),
    style: { fractionDigits: 2, group: '', decimal: '.', digits: LATIN_DIGITS },
  },
  {
    name: 'vi, 2 decimals',
    intl: new Intl.NumberFormat('vi', { maximumFractionDigits: 2, useGrouping: false }),
    style: { fractionDigits: 2, group: '', decimal: ',', digits: LATIN_DIGITS },
  },
];

// Values where rounding is decided: cents, halves at the last kept place and beyond, carries through nines.
const edgeValues = [
  0,
  -0,
  1,
  0.5,
  0.005,
  0.015,
  1.005,
  1.0049999,
  2.675,
  9.995,
  99.995,
  999.99995,
  0.99999,
  9.99999,
  1234.5,
  1e-7,
  1.5e-7,
  123456789.12345,
  1e15,
  1e21,
  1e22,
  2 ** 53,
  -3,
  -0.001,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.MIN_VALUE,
  Number.MAX_VALUE,
  333.33 * 1.2,
  0.1 + 0.2,
];

describe('numbers printed without Intl', () => {
  for (const { name, intl, style } of styles) {
    const format = decimalFormatter(intl, style);
    it(`prints exactly what Intl prints: ${name}`, () => {
      for (const value of edgeValues) expect(format(value), String(value)).toBe(intl.format(value));
      fc.assert(
        fc.property(fc.double({ noNaN: false }), (value) => format(value) === intl.format(value)),
        { numRuns: 20_000 },
      );
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 6 }), (n, places) => {
          const value = n / 10 ** places;
          return format(value) === intl.format(value);
        }),
        { numRuns: 20_000 },
      );
    });
  }
});
