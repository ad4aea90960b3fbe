import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidMobile, normalizeMobile } from './mobile.js';
import { arabicIndic, digitString, persian } from './test-support.js';

describe('mobile number', () => {
  it.each([
    '09121234567',
    '9121234567',
    '+989121234567',
    '00989121234567',
    '989121234567',
    '۰۹۱۲۱۲۳۴۵۶۷',
    '+۹۸۹۱۲۱۲۳۴۵۶۷',
    '٠٩١٢١٢٣٤٥٦٧',
    '0912 123 4567',
    '0912-123-4567',
    '(0912) 123 4567',
  ])('normalizes %s to 09121234567', (input) => {
    expect(normalizeMobile(input)).toBe('09121234567');
  });

  it('does not depend on an operator prefix list', () => {
    expect(normalizeMobile('09971234567')).toBe('09971234567');
  });

  it.each([
    '0912123456',
    '091212345678',
    '02112345678',
    '08121234567',
    '+9809121234567',
    '+999121234567',
    '0912123456a',
    '',
  ])('rejects %s', (input) => {
    expect(isValidMobile(input)).toBe(false);
  });
});

describe('mobile number properties', () => {
  it('every accepted prefix form normalizes to the same 09xxxxxxxxx', () => {
    fc.assert(
      fc.property(digitString(9), (rest) => {
        const national = `9${rest}`;
        for (const form of [`0${national}`, national, `+98${national}`, `0098${national}`, `98${national}`]) {
          expect(normalizeMobile(form)).toBe(`0${national}`);
          expect(normalizeMobile(persian(form))).toBe(`0${national}`);
          expect(normalizeMobile(arabicIndic(form))).toBe(`0${national}`);
        }
      }),
    );
  });
});
