/*
 * Interleaved 2 of 5 (ISO/IEC 16390), the numeric barcode printed on Iranian bills: digits in pairs, the first of
 * each pair in the widths of five bars, the second in the five spaces between them; two of each five are wide.
 */

// N = narrow, W = wide, for the digits 0-9.
const PATTERNS = ['NNWWN', 'WNNNW', 'NWNNW', 'WWNNN', 'NNWNW', 'WNWNN', 'NWWNN', 'NNNWW', 'WNNWN', 'NWNWN'];

/** Wide elements are three modules: the largest ratio the standard allows reads best from a screen. */
export const WIDE = 3;

/**
 * The widths, in modules, of the elements of an Interleaved 2 of 5 symbol, starting with a bar and alternating
 * bar, space, bar…; quiet zones not included. The digits must be of even length (a bill's barcode is 26).
 */
export function interleaved2of5(digits: string): number[] {
  if (!/^(\d\d)+$/.test(digits)) throw new RangeError('Interleaved 2 of 5 encodes an even number of digits');
  const width = (mark: string) => (mark === 'W' ? WIDE : 1);
  const elements = [1, 1, 1, 1];
  for (let i = 0; i < digits.length; i += 2) {
    const bars = PATTERNS[Number(digits[i])];
    const spaces = PATTERNS[Number(digits[i + 1])];
    for (let k = 0; k < 5; k++) elements.push(width(bars[k]), width(spaces[k]));
  }
  elements.push(WIDE, 1, 1);
  return elements;
}

/** The bars of a symbol as [x, width] in modules, after a quiet zone of `quiet` modules. */
export function barsOf(elements: readonly number[], quiet: number): [number, number][] {
  const bars: [number, number][] = [];
  let x = quiet;
  elements.forEach((width, i) => {
    if (i % 2 === 0) bars.push([x, width]);
    x += width;
  });
  return bars;
}

export function symbolWidth(elements: readonly number[], quiet: number): number {
  return elements.reduce((sum, width) => sum + width, 2 * quiet);
}
