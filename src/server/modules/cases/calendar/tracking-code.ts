import { compactDigits } from '../../../../shared/digits.js';
import { isoToJalali } from './jalali.js';
import { localDateOf } from './zoned-time.js';

/*
 * Tracking code (کد رهگیری), 16 digits, sent to the applicant by SMS at registration:
 *
 *   MMMM YYMMDD SSSSS C
 *   MMMM    municipality number, 0001-9999 (a national deployment numbers its municipalities; Iran has ~1,400)
 *   YYMMDD  Jalali date of registration in the municipality's time zone (1404-01-05 → 040105)
 *   SSSSS   serial of that municipality on that day, 00001-99999
 *   C       mod-11 check digit
 *
 * Codes issued before migration 0005 have 14 digits, `MM YYMMDD SSSSS C` (a 2-digit municipality); they are still
 * read (the length tells the two apart) and found, because a case keeps the code it was given.
 *
 * Check digit: digits are weighted from the right, the check digit itself 1, then 2, 3, …, 10, 1, 2, … (no weight is
 * 0 mod 11 and neighbours always differ, also across the 10 → 1 wrap), and the weighted sum must be 0 mod 11. So any
 * single wrong digit and any swap of two different neighbouring digits change the sum by a non-multiple of 11 and
 * are caught, whatever the length. A code whose check would be 10 cannot be written with one digit; rather than fold
 * 10 onto 0 (which loses the guarantee, as the national ID does), that serial is never issued: `makeTrackingCode`
 * returns null and the caller takes the next serial. About 1 serial in 11 is skipped.
 */

/** The layouts a tracking code can have: the current one and the one issued before 0005. */
const LAYOUTS = [
  { length: 16, municipalityDigits: 4 },
  { length: 14, municipalityDigits: 2 },
] as const;
const CURRENT = LAYOUTS[0];
const MAX_MUNICIPALITY = 10 ** CURRENT.municipalityDigits - 1;
const SERIAL_DIGITS = 5;
const MAX_SERIAL = 10 ** SERIAL_DIGITS - 1;

function weightFromRight(positionFromRight: number): number {
  return (positionFromRight % 10) + 1;
}

function weightedSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    sum += Number(digits[digits.length - 1 - i]) * weightFromRight(i);
  }
  return sum;
}

/** The check digit (0-10) for the leading digits of a tracking code (15, or 13 for the old layout); 10 means "not issuable". */
export function trackingCheckValue(body: string): number {
  if (!/^\d+$/.test(body) || !LAYOUTS.some((layout) => layout.length === body.length + 1)) {
    throw new RangeError('trackingCheckValue expects the 15 (or, old layout, 13) leading digits');
  }
  // The check digit sits at weight 1, so it must equal −(sum of the body shifted one place left) mod 11.
  return (11 - (weightedSum(`${body}0`) % 11)) % 11;
}

function assertIntegerIn(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a whole number in ${min}..${max}, got ${value}`);
  }
}

/** The largest municipality number a tracking code can carry. */
export const MAX_TRACKING_MUNICIPALITY = MAX_MUNICIPALITY;

/**
 * Builds the tracking code for the `serial`-th registration of the day `date` falls on in `timeZone`; null when
 * that serial is not issuable (its check would be 10): take the next serial.
 */
export function makeTrackingCode(input: {
  municipalityNumber: number;
  date: Date;
  serial: number;
  timeZone?: string;
}): string | null {
  assertIntegerIn('municipalityNumber', input.municipalityNumber, 1, MAX_MUNICIPALITY);
  assertIntegerIn('serial', input.serial, 1, MAX_SERIAL);
  const jalali = isoToJalali(localDateOf(input.date.getTime(), input.timeZone ?? 'Asia/Tehran'));
  const yymmdd = [jalali.year % 100, jalali.month, jalali.day]
    .map((n) => String(n).padStart(2, '0'))
    .join('');
  const body =
    String(input.municipalityNumber).padStart(CURRENT.municipalityDigits, '0') +
    yymmdd +
    String(input.serial).padStart(SERIAL_DIGITS, '0');
  const check = trackingCheckValue(body);
  return check === 10 ? null : `${body}${check}`;
}

/** The parts of a valid tracking code, current or old layout (Persian digits and separators accepted), or null. */
export function parseTrackingCode(
  input: string,
): { municipalityNumber: number; jalaliYymmdd: string; serial: number; layout: 'current' | 'old' } | null {
  const code = compactDigits(input);
  const layout = LAYOUTS.find((l) => l.length === code.length);
  if (!layout || !/^\d+$/.test(code) || weightedSum(code) % 11 !== 0) return null;
  const m = layout.municipalityDigits;
  const municipalityNumber = Number(code.slice(0, m));
  const month = Number(code.slice(m + 2, m + 4));
  const day = Number(code.slice(m + 4, m + 6));
  const serial = Number(code.slice(m + 6, m + 6 + SERIAL_DIGITS));
  if (municipalityNumber === 0 || month < 1 || month > 12 || day < 1 || day > 31 || serial === 0) return null;
  return {
    municipalityNumber,
    jalaliYymmdd: code.slice(m, m + 6),
    serial,
    layout: layout === CURRENT ? 'current' : 'old',
  };
}

/** True if the input is a well-formed tracking code (either layout) with a correct check digit. */
export function isValidTrackingCode(input: string): boolean {
  return parseTrackingCode(input) !== null;
}

/*
 * File number (شماره پرونده), 11 digits, Tehran's urban-planning format (domain_rules §5, §7.5): the 2-digit
 * district then a 9-digit serial, e.g. 22001840320 = district 22, file 1840320. No check digit exists in the source
 * format, so none is added: printed files already carry these numbers.
 */

/** Builds a file number from a district number (1-99) and its serial (1-999 999 999). */
export function makeFileNumber(districtNumber: number, serial: number): string {
  assertIntegerIn('districtNumber', districtNumber, 1, 99);
  assertIntegerIn('serial', serial, 1, 999_999_999);
  return `${String(districtNumber).padStart(2, '0')}${String(serial).padStart(9, '0')}`;
}

/** The district and serial of a file number (Persian digits and separators accepted), or null. */
export function parseFileNumber(input: string): { districtNumber: number; serial: number } | null {
  const code = compactDigits(input);
  if (!/^\d{11}$/.test(code)) return null;
  const districtNumber = Number(code.slice(0, 2));
  const serial = Number(code.slice(2));
  return districtNumber === 0 || serial === 0 ? null : { districtNumber, serial };
}
