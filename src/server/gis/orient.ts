// Shewchuk's static error bound for the floating-point determinant: beyond it the sign is certain.
const ERROR_BOUND = (3 + 16 * 2 ** -53) * 2 ** -53;

const view = new DataView(new ArrayBuffer(8));

/**
 * Exact sign of the orientation of c relative to the directed line a→b: 1 when c is to the left
 * (counter-clockwise), -1 when to the right, 0 when the three points are collinear.
 */
export function orient2d(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const detLeft = (ax - cx) * (by - cy);
  const detRight = (ay - cy) * (bx - cx);
  const det = detLeft - detRight;
  const bound = ERROR_BOUND * (Math.abs(detLeft) + Math.abs(detRight));
  if (det > bound) return 1;
  if (-det > bound) return -1;
  return exactOrient([ax, ay, bx, by, cx, cy]);
}

/** Integer mantissa and binary exponent of a finite double, so that x = mantissa · 2^exponent. */
function decompose(x: number): [bigint, number] {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  if (biased !== 0) mantissa |= 1n << 52n;
  const exponent = biased === 0 ? -1074 : biased - 1075;
  return [x < 0 ? -mantissa : mantissa, exponent];
}

// Near-degenerate cases only (a point within rounding error of a line), so BigInt's cost does not matter.
function exactOrient(values: number[]): number {
  if (!values.every(Number.isFinite)) return 0;
  const parts = values.map(decompose);
  const minExponent = Math.min(...parts.filter(([m]) => m !== 0n).map(([, e]) => e));
  if (!Number.isFinite(minExponent)) return 0;
  const [ax, ay, bx, by, cx, cy] = parts.map(([m, e]) => (m === 0n ? 0n : m << BigInt(e - minExponent)));
  const det = (ax - cx) * (by - cy) - (ay - cy) * (bx - cx);
  return det > 0n ? 1 : det < 0n ? -1 : 0;
}
