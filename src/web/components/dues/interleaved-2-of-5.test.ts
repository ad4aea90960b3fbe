import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfToolsMissing } from '../../../../test/pdf-tools.js';
import { makeBillId, makePaymentId, parseBill } from '../../../shared/identifiers/bill.js';
import { barsOf, interleaved2of5, symbolWidth } from './interleaved-2-of-5.js';

const QUIET = 10;

/** The symbol drawn as a greyscale bitmap (PGM), `scale` pixels a module, as the SVG draws it on a screen. */
function bitmap(digits: string, scale = 2, height = 60): Buffer {
  const elements = interleaved2of5(digits);
  const width = symbolWidth(elements, QUIET) * scale;
  const row = Buffer.alloc(width, 255);
  for (const [x, w] of barsOf(elements, QUIET)) row.fill(0, x * scale, (x + w) * scale);
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`);
  return Buffer.concat([header, ...Array.from({ length: height }, () => row)]);
}

/** What a barcode scanner (zbar) reads from the bitmap. */
function scan(image: Buffer): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahrvand-barcode-'));
  try {
    const file = path.join(dir, 'code.pgm');
    fs.writeFileSync(file, image);
    const result = spawnSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Si25.enable', file], {
      encoding: 'utf8',
    });
    return result.stdout.split('\n').filter(Boolean);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the Interleaved 2 of 5 barcode of a bill', () => {
  it('starts and stops with the standard guards and has two wide of every five elements', () => {
    const elements = interleaved2of5('1234');
    expect(elements.slice(0, 4)).toEqual([1, 1, 1, 1]);
    expect(elements.slice(-3)).toEqual([3, 1, 1]);
    // 4 start + 2 pairs × 10 + 3 stop.
    expect(elements).toHaveLength(4 + 20 + 3);
    expect(() => interleaved2of5('123')).toThrow(RangeError);
    expect(() => interleaved2of5('12a4')).toThrow(RangeError);
  });

  it.skipIf(pdfToolsMissing.length > 0)(
    'scans back to the 26 digits of a real bill ID and payment ID',
    () => {
      const billId = makeBillId({ fileId: 1234567, companyCode: 102, serviceType: 6 });
      const paymentId = makePaymentId({ amountRials: 60_818_000, yearCode: 5, period: 9, billId });
      const parsed = parseBill(billId, paymentId);
      if (!parsed.valid) throw new Error('test bill is invalid');
      expect(parsed.barcode).toHaveLength(26);
      expect(scan(bitmap(parsed.barcode))).toEqual([parsed.barcode]);
      // Leading zeros are part of the symbol (each ID is padded to 13 digits).
      const padded = `${'200166'.padStart(13, '0')}${'6081850385'.padStart(13, '0')}`;
      expect(scan(bitmap(padded))).toEqual([padded]);
    },
  );
});
