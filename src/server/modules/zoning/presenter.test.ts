import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toPersianDigits } from '../../../shared/digits.js';
import { persianFormula } from './presenter.js';

// What formulas were localised with before the scan: every number (a digit, digits and commas, at most one
// decimal part) with Persian digits and separators.
const reference = (formula: string) =>
  formula.replace(/\d[\d,]*(?:\.\d+)?/g, (n) => toPersianDigits(n.replaceAll(',', '٬').replace('.', '٫')));

describe('fee formulas in Persian', () => {
  it('turns the numbers of a formula into Persian ones, separators included', () => {
    expect(
      persianFormula(
        'floor area 1,656.93 m² × 0.05 × residential 1 × 40,000,000 rials/m² = 3,313,860,000 rials',
      ),
    ).toBe('floor area ۱٬۶۵۶٫۹۳ m² × ۰٫۰۵ × residential ۱ × ۴۰٬۰۰۰٬۰۰۰ rials/m² = ۳٬۳۱۳٬۸۶۰٬۰۰۰ rials');
  });

  it('reads numbers exactly as the expression did, whatever the text around them', () => {
    const text = fc.string({
      unit: fc.constantFrom(...'0123456789,.. ×m²()-−%abc٫'.split('')),
      maxLength: 60,
    });
    fc.assert(
      fc.property(text, (formula) => persianFormula(formula) === reference(formula)),
      { numRuns: 20_000 },
    );
  });
});
