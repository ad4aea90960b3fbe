import { toLatinDigits } from '../digits.js';
import { CERTIFICATE_KINDS, type CertificateKind, kindOfCode } from './kinds.js';

/*
 * Certificate number (شماره گواهی), e.g. IR-07-1404-000123-5:
 *
 *   IR      kind (IR inquiry response, CL clearance, BP building permit, CC completion certificate)
 *   07      municipality number (two digits or more), so a number is unique across every municipality
 *   1404    Jalali year of issue
 *   000123  serial of that municipality in that year, across kinds
 *   5       Damm check digit over the kind's index and every digit before it
 *
 * The Damm check catches every single wrong digit and every swap of two neighbouring digits, so a mistyped number
 * on the verification page reads as "not a certificate number" rather than as somebody else's certificate.
 */

const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

export function dammCheckDigit(digits: string): number {
  let interim = 0;
  for (const d of digits) interim = DAMM[interim][Number(d)];
  return interim;
}

function checkedDigits(kind: CertificateKind, municipality: string, year: string, serial: string): string {
  const kindIndex = Object.keys(CERTIFICATE_KINDS).indexOf(kind) + 1;
  return `${kindIndex}${municipality}${year}${serial}`;
}

export interface CertificateNumberParts {
  kind: CertificateKind;
  municipalityNumber: number;
  year: number;
  serial: number;
}

export function makeCertificateNumber(parts: CertificateNumberParts): string {
  const municipality = String(parts.municipalityNumber).padStart(2, '0');
  const year = String(parts.year);
  const serial = String(parts.serial).padStart(6, '0');
  const check = dammCheckDigit(checkedDigits(parts.kind, municipality, year, serial));
  return `${CERTIFICATE_KINDS[parts.kind]}-${municipality}-${year}-${serial}-${check}`;
}

const NUMBER_PATTERN = /^([A-Z]{2})-(\d{2,})-(\d{4})-(\d{6,})-(\d)$/;

/** The number in its canonical form (upper case, ASCII digits, hyphens), or null if it is not a valid number. */
export function normalizeCertificateNumber(input: string): string | null {
  const candidate = toLatinDigits(input)
    .toUpperCase()
    .replace(/[\s\u200c-\u200f\u2066-\u2069]+/g, '')
    .replace(/[\u2010-\u2015\u2212_/]/g, '-');
  const match = NUMBER_PATTERN.exec(candidate);
  if (!match) return null;
  const [, code, municipality, year, serial, check] = match;
  const kind = kindOfCode(code);
  if (!kind) return null;
  if (dammCheckDigit(checkedDigits(kind, municipality, year, serial) + check) !== 0) return null;
  return candidate;
}

export function parseCertificateNumber(input: string): (CertificateNumberParts & { number: string }) | null {
  const number = normalizeCertificateNumber(input);
  if (!number) return null;
  const [code, municipality, year, serial] = number.split('-');
  return {
    number,
    kind: kindOfCode(code) as CertificateKind,
    municipalityNumber: Number(municipality),
    year: Number(year),
    serial: Number(serial),
  };
}
