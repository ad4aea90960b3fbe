import type { Point } from './geometry.js';
import type { Rng } from './prng.js';

export const MIN_FRONTAGE = 10;
export const MAX_FRONTAGE = 22;
// Jitter stays well under half the smallest frontage, so neighbouring dividers can never cross.
const DIVIDER_JITTER = 0.8;
const BACK_GAP_MIN = 0.2;
const BACK_GAP_MAX = 1.2;

export interface BlockBounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** One parcel of a block: the south row fronts the street below the block, the north row the street above. */
export interface ParcelShape {
  /** 0-based: the south row west to east, then the north row west to east. */
  positionInBlock: number;
  positionInRow: number;
  northRow: boolean;
  /** Open ring in metres, counter-clockwise. */
  ring: Point[];
}

/** Splits a row length into frontages of 10-22 m (middle widths likelier) that add up to it exactly. */
export function splitFrontage(rng: Rng, length: number): number[] {
  const widths: number[] = [];
  let remaining = length;
  while (remaining > MAX_FRONTAGE) {
    const upper = Math.min(MAX_FRONTAGE, remaining - MIN_FRONTAGE);
    const width = MIN_FRONTAGE + ((upper - MIN_FRONTAGE) * (rng.float() + rng.float())) / 2;
    widths.push(width);
    remaining -= width;
  }
  widths.push(remaining);
  return widths;
}

/** Frontages of both rows of a block; drawn from their own stream so the city plan can count parcels cheaply. */
export function blockFrontages(rng: Rng, bounds: BlockBounds): { south: number[]; north: number[] } {
  const length = bounds.maxX - bounds.minX;
  return { south: splitFrontage(rng, length), north: splitFrontage(rng, length) };
}

/** Divider x positions along the front and the back of a row, ends pinned to the block corners. */
function dividers(rng: Rng, bounds: BlockBounds, widths: number[]): { front: number[]; back: number[] } {
  const front = [bounds.minX];
  const back = [bounds.minX];
  let x = bounds.minX;
  for (let i = 0; i < widths.length - 1; i++) {
    x += widths[i];
    front.push(x + rng.range(-DIVIDER_JITTER, DIVIDER_JITTER));
    back.push(x + rng.range(-DIVIDER_JITTER, DIVIDER_JITTER));
  }
  front.push(bounds.maxX);
  back.push(bounds.maxX);
  return { front, back };
}

/** The parcel polygons of a block: two rows meeting near the middle line, with slightly skewed dividers. */
export function blockParcelShapes(
  rng: Rng,
  bounds: BlockBounds,
  frontages: { south: number[]; north: number[] },
): ParcelShape[] {
  const middle = (bounds.minY + bounds.maxY) / 2;
  const shapes: ParcelShape[] = [];
  for (const northRow of [false, true]) {
    const widths = northRow ? frontages.north : frontages.south;
    const { front, back } = dividers(rng, bounds, widths);
    const backY = back.map(() => middle + (northRow ? 1 : -1) * rng.range(BACK_GAP_MIN, BACK_GAP_MAX));
    const frontY = northRow ? bounds.maxY : bounds.minY;
    for (let i = 0; i < widths.length; i++) {
      const frontLeft = { x: front[i], y: frontY };
      const frontRight = { x: front[i + 1], y: frontY };
      const backLeft = { x: back[i], y: backY[i] };
      const backRight = { x: back[i + 1], y: backY[i + 1] };
      const ring = northRow
        ? [backLeft, backRight, frontRight, frontLeft]
        : [frontLeft, frontRight, backRight, backLeft];
      shapes.push({ positionInBlock: shapes.length, positionInRow: i, northRow, ring });
    }
  }
  return shapes;
}
