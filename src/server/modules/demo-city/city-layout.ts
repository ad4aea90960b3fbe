import { type Point, rectangle } from './geometry.js';
import { ALLEY_NAMES, STREET_NAMES } from './names.js';
import { Rng } from './prng.js';

// Street centrelines sit on a regular grid through the centre; street widths eat into the blocks between them.
export const PITCH_X = 140;
export const PITCH_Y = 84;
const MAIN_STREET_EVERY = 4;

/** One block of the grid, numbered in the order the city grows: ring by ring outwards, quadrants interleaved. */
export interface BlockRef {
  index: number;
  /** Grid column and row: the block spans streets col..col+1 and row..row+1. */
  col: number;
  row: number;
  ring: number;
  district: number;
  /** 1-based number of the block within its district. */
  numberInDistrict: number;
}

/** The block at a position in growth order; the first 4·(k+1)² blocks fill rings 0..k, equally per quadrant. */
export function blockAt(index: number): BlockRef {
  const ring = Math.floor(Math.sqrt(index / 4));
  const inRing = index - 4 * ring * ring;
  const quadrant = inRing % 4;
  const step = Math.floor(inRing / 4);
  const u = step <= ring ? ring : 2 * ring - step;
  const v = Math.min(step, ring);
  const col = quadrant === 0 || quadrant === 3 ? u : -u - 1;
  const row = quadrant < 2 ? v : -v - 1;
  return { index, col, row, ring, district: quadrant + 1, numberInDistrict: ring * ring + step + 1 };
}

/** The outer ring of a district reaching out to ring `ring`: a quadrant rectangle on the street centrelines. */
export function districtOutline(district: number, ring: number): Point[] {
  const x = (ring + 1) * PITCH_X * (district === 1 || district === 4 ? 1 : -1);
  const y = (ring + 1) * PITCH_Y * (district <= 2 ? 1 : -1);
  return rectangle(Math.min(0, x), Math.min(0, y), Math.max(0, x), Math.max(0, y));
}

const zigzag = (n: number): number => (n >= 0 ? 2 * n : -2 * n - 1);
const mod = (n: number, m: number): number => ((n % m) + m) % m;
const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

/** Writes a number with Persian digits. */
export function persianNumber(n: number): string {
  return String(n).replace(/\d/g, (d) => PERSIAN_DIGITS[Number(d)]);
}

/** Picks a name from a list for a street index; once the list runs out names repeat with a number (آزادی ۲). */
function nameFor(list: readonly string[], index: number, offset: number): string {
  const n = index + offset;
  const round = Math.floor(n / list.length);
  return round === 0 ? list[n % list.length] : `${list[n % list.length]} ${persianNumber(round + 1)}`;
}

/** Street widths and names of one seeded city. */
export class StreetGrid {
  private readonly widths = new Map<string, number>();
  private readonly nameOffset: number;

  constructor(private readonly seed: number) {
    this.nameOffset = mod(seed, STREET_NAMES.length);
  }

  /** Width in metres of a north-south ('x') or east-west ('y') street: 20-24 m for main streets, else 12-16 m. */
  width(axis: 'x' | 'y', index: number): number {
    const key = `${axis}${index}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      const rng = new Rng('street', this.seed, key);
      width = isMainStreet(index) ? rng.int(20, 24) : rng.int(12, 16);
      this.widths.set(key, width);
    }
    return width;
  }

  /** The block's land between the street edges, in metres. */
  blockBounds(block: BlockRef): { minX: number; minY: number; maxX: number; maxY: number } {
    return {
      minX: block.col * PITCH_X + this.width('x', block.col) / 2,
      maxX: (block.col + 1) * PITCH_X - this.width('x', block.col + 1) / 2,
      minY: block.row * PITCH_Y + this.width('y', block.row) / 2,
      maxY: (block.row + 1) * PITCH_Y - this.width('y', block.row + 1) / 2,
    };
  }

  /**
   * The street part of the address of a parcel fronting east-west street `streetRow` in column `col`, big to
   * small as Iranian addresses go: a main street with the two cross streets around it, or a main street and
   * the side street (کوچه) that branches off it.
   */
  streetAddress(col: number, streetRow: number): string {
    const crossStreet = Math.floor(col / MAIN_STREET_EVERY);
    const westName = nameFor(STREET_NAMES, 2 * zigzag(crossStreet), this.nameOffset);
    if (isMainStreet(streetRow)) {
      const name = nameFor(STREET_NAMES, 2 * zigzag(streetRow / MAIN_STREET_EVERY) + 1, this.nameOffset);
      const eastName = nameFor(STREET_NAMES, 2 * zigzag(crossStreet + 1), this.nameOffset);
      return `خیابان ${name}، بین ${westName} و ${eastName}`;
    }
    return `خیابان ${westName}، کوچه ${nameFor(ALLEY_NAMES, zigzag(streetRow), this.nameOffset)}`;
  }

  /** Plate numbers run along the street segment between two main streets: odd on one side, even on the other. */
  plateNumber(col: number, positionInRow: number, northSideOfStreet: boolean): number {
    return mod(col, MAIN_STREET_EVERY) * 40 + 2 * positionInRow + (northSideOfStreet ? 1 : 2);
  }
}

function isMainStreet(index: number): boolean {
  return mod(index, MAIN_STREET_EVERY) === 0;
}
