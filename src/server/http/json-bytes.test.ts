import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonBytes } from './json-bytes.js';

const written = (write: (out: JsonBytes) => void): string => {
  const out = new JsonBytes().begin();
  write(out);
  return out.take().toString('utf8');
};

describe('JsonBytes', () => {
  it('writes numbers exactly as JSON.stringify does', () => {
    const samples = [
      0,
      -0,
      1,
      -1,
      7,
      10,
      99,
      100,
      123_456,
      9_999_999,
      10_000_000,
      2 ** 53,
      0.1,
      0.29,
      0.3,
      1.005,
      462.95,
      35.7452384,
      51.1601958,
      -12.5,
      0.0001,
      1e-7,
      1234567.12345678,
      0.12345678912,
      1e21,
      Math.PI,
      NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ];
    for (const value of samples) expect(written((out) => out.num(value))).toBe(JSON.stringify(value));
  });

  it('agrees with JSON.stringify on any double, and on decimals of a few places', () => {
    fc.assert(
      fc.property(fc.double(), (value) => written((out) => out.num(value)) === JSON.stringify(value)),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 8 }), (n, places) => {
        const value = n / 10 ** places;
        return written((out) => out.num(value)) === JSON.stringify(value);
      }),
      { numRuns: 20_000 },
    );
  });

  it('quotes and escapes strings as JSON.stringify does, in UTF-8', () => {
    const samples = [
      '',
      'S211',
      'حریم گسل (۶۰ متر)',
      'a "quoted" \\ back',
      'tab\there',
      '\u0001',
      '\ud800x',
      '≥ 200 m²',
      '😀',
    ];
    for (const value of samples) expect(written((out) => out.str(value))).toBe(JSON.stringify(value));
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        (value) => written((out) => out.str(value)) === JSON.stringify(value),
      ),
    );
  });

  it('writes arrays with commas between the items', () => {
    expect(written((out) => out.list([], (n: number) => out.num(n)))).toBe('[]');
    expect(written((out) => out.list([1, 2.5, 3], (n) => out.num(n)))).toBe('[1,2.5,3]');
  });

  it('grows past its first buffer and starts afresh on begin()', () => {
    const long = 'x'.repeat(40_000);
    expect(written((out) => out.ascii('[').str(long).ascii(',').bytes(Buffer.from('null')).ascii(']'))).toBe(
      `["${long}",null]`,
    );
    const out = new JsonBytes();
    out.begin().ascii('first');
    const first = out.take();
    out.begin().ascii('2');
    expect([first.toString(), out.take().toString()]).toEqual(['first', '2']);
  });
});
