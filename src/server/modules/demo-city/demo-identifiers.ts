import { legalIdCheckDigit, nationalIdCheckDigit } from '../../../shared/identifiers/index.js';
import type { Rng } from './prng.js';

// Identifiers come from affine maps n → (n·A + B) mod 10^k, which are bijections because A is coprime to 10,
// so every owner index gets a distinct code without remembering the ones handed out. n·A stays below 2^53.
const MULTIPLIER = 7_654_321;
const PERSON_SPACE = 1_000_000_000;
const LEGAL_SPACE = 100_000_000;

function affine(index: number, offset: number, space: number): number {
  return ((((index % space) * MULTIPLIER) % space) + offset) % space;
}

/** The national ID (کد ملی) for a person index, or null when that index lands on a code the rules reject. */
export function personNationalId(index: number, offset: number): string | null {
  const body = String(affine(index, offset, PERSON_SPACE)).padStart(9, '0');
  const code = `${body}${nationalIdCheckDigit(body)}`;
  if (/^(\d)\1{9}$/.test(code) || code.slice(3, 9) === '000000') return null;
  return code;
}

/** The legal-entity ID (شناسه ملی) for a company index, or null when the rules reject it. */
export function legalEntityId(index: number, offset: number): string | null {
  const body = `10${String(affine(index, offset, LEGAL_SPACE)).padStart(8, '0')}`;
  if (body.slice(3, 9) === '000000') return null;
  return `${body}${legalIdCheckDigit(body)}`;
}

// Digit alphabets of the common postal-code heuristic ^(?!(\d)\1{3})[13-9]{4}[1346-9][013-9]{5}$.
const HEAD_DIGITS = '13456789';
const FIFTH_DIGITS = '1346789';
const TAIL_DIGITS = '013456789';
const TAIL_SPACE = 9 ** 5;
const HEAD_SPACE = 8 ** 3 - 1; // digits 2-4 after a leading 1, minus 111 (four equal leading digits)
const MAX_PARCELS_PER_BLOCK = 32;

function encode(value: number, alphabet: string, length: number): string {
  let text = '';
  let rest = value;
  for (let i = 0; i < length; i++) {
    text = alphabet[rest % alphabet.length] + text;
    rest = Math.floor(rest / alphabet.length);
  }
  return text;
}

/**
 * A 10-digit postal code that passes the heuristic, distinct for every parcel of a city up to millions of blocks:
 * the last five digits walk along the blocks, the first five (starting with 1, as Tehran's do) change slowly.
 */
export function parcelPostalCode(blockIndex: number, positionInBlock: number, offset: number): string {
  const serial = blockIndex * MAX_PARCELS_PER_BLOCK + positionInBlock;
  const area = Math.floor(serial / TAIL_SPACE) + offset;
  const fifth = area % FIFTH_DIGITS.length;
  const head = (Math.floor(area / FIFTH_DIGITS.length) % HEAD_SPACE) + 1;
  return `1${encode(head, HEAD_DIGITS, 3)}${FIFTH_DIGITS[fifth]}${encode(serial % TAIL_SPACE, TAIL_DIGITS, 5)}`;
}

const MOBILE_PREFIXES = [
  '0912',
  '0913',
  '0919',
  '0935',
  '0936',
  '0937',
  '0938',
  '0939',
  '0901',
  '0902',
  '0921',
  '0990',
];

/** A plausible Iranian mobile number; the subscriber part never starts with 0, so it cannot hit 0912000000x. */
export function randomMobile(rng: Rng): string {
  return `${rng.pick(MOBILE_PREFIXES)}${rng.int(1_000_000, 9_999_999)}`;
}
