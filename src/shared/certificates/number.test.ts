import { describe, expect, it } from 'vitest';
import { toPersianDigits } from '../digits.js';
import { makeCertificateNumber, normalizeCertificateNumber, parseCertificateNumber } from './number.js';

describe('certificate numbers', () => {
  const number = makeCertificateNumber({
    kind: 'inquiry_response',
    municipalityNumber: 7,
    year: 1404,
    serial: 123,
  });

  it('reads kind, municipality, Jalali year and serial, with a check digit', () => {
    expect(number).toMatch(/^IR-07-1404-000123-\d$/);
    expect(parseCertificateNumber(number)).toEqual({
      number,
      kind: 'inquiry_response',
      municipalityNumber: 7,
      year: 1404,
      serial: 123,
    });
    expect(
      makeCertificateNumber({ kind: 'clearance', municipalityNumber: 123, year: 1405, serial: 1 }),
    ).toMatch(/^CL-123-1405-000001-\d$/);
  });

  it('accepts the number as people type it: Persian digits, lower case, other dashes, stray spaces', () => {
    expect(normalizeCertificateNumber(toPersianDigits(number).toLowerCase())).toBe(number);
    expect(normalizeCertificateNumber(` ${number.replaceAll('-', '–')} `)).toBe(number);
  });

  it('rejects every single wrong digit and every swap of neighbouring digits', () => {
    const digitsAt = [...number].flatMap((c, i) => (/\d/.test(c) ? [i] : []));
    for (const i of digitsAt) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === number[i]) continue;
        const typo = `${number.slice(0, i)}${d}${number.slice(i + 1)}`;
        expect(normalizeCertificateNumber(typo), typo).toBeNull();
      }
    }
    const compact = number.replaceAll('-', '');
    for (let i = 2; i < compact.length - 1; i++) {
      if (compact[i] === compact[i + 1]) continue;
      const swapped = `${compact.slice(0, i)}${compact[i + 1]}${compact[i]}${compact.slice(i + 2)}`;
      const rebuilt = `${swapped.slice(0, 2)}-${swapped.slice(2, 4)}-${swapped.slice(4, 8)}-${swapped.slice(8, 14)}-${swapped.slice(14)}`;
      expect(normalizeCertificateNumber(rebuilt), rebuilt).toBeNull();
    }
  });

  it('rejects other kinds of text', () => {
    for (const text of ['', 'IR-07-1404', 'XX-07-1404-000123-0', 'IR-07-1404-000123', 'DROP TABLE'])
      expect(normalizeCertificateNumber(text)).toBeNull();
  });
});
