import type PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/** Error correction M: survives a crease or a smudge across ~15 % of the code, and stays small enough to scan. */
export const QR_ERROR_CORRECTION = 'M';

/** The QR version (1-40) a string needs at level M, for tests and the benchmark. */
export function qrVersionOf(data: string): number {
  return QRCode.create(data, { errorCorrectionLevel: QR_ERROR_CORRECTION }).version;
}

/** Draws a QR code as vector squares (sharp at any zoom, a few hundred bytes), with its quiet zone, at (x, y). */
export function drawQr(
  doc: InstanceType<typeof PDFDocument>,
  data: string,
  x: number,
  y: number,
  size: number,
): void {
  const qr = QRCode.create(data, { errorCorrectionLevel: QR_ERROR_CORRECTION });
  const count = qr.modules.size;
  const quiet = 4;
  const cell = size / (count + 2 * quiet);
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && qr.modules.get(row, col)) col++;
      doc.rect(x + (quiet + start) * cell, y + (quiet + row) * cell, (col - start) * cell, cell);
    }
  }
  doc.fill('#000000');
}
