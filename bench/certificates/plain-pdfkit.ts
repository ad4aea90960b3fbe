import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { drawQr } from '../../src/server/pdf/qr.js';
import type { DocumentSpec, Inline } from '../../src/server/pdf/types.js';

/*
 * The baseline: the same document set with pdfkit's own text layout (no HarfBuzz, no bidi), the same fonts
 * embedded, the same QR. It prints Persian wrongly (stack probe §2) but costs what pdfkit alone costs.
 */
const require = createRequire(import.meta.url);
const vazirmatn = fs.readFileSync(
  path.join(path.dirname(require.resolve('vazirmatn/package.json')), 'fonts/ttf/Vazirmatn-Regular.ttf'),
);
const vazirmatnBold = fs.readFileSync(
  path.join(path.dirname(require.resolve('vazirmatn/package.json')), 'fonts/ttf/Vazirmatn-Bold.ttf'),
);

const text = (inline: Inline) => (typeof inline === 'string' ? inline : inline.text);

export function renderPlainPdfkit(spec: DocumentSpec): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 48 });
  doc.registerFont('regular', vazirmatn);
  doc.registerFont('bold', vazirmatnBold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
  });
  const width = doc.page.width - 96;
  if (spec.issuer) doc.font('regular').fontSize(11).text(text(spec.issuer), { align: 'center', width });
  doc.font('bold').fontSize(18).text(spec.title, { align: 'center', width });
  for (const block of spec.blocks) {
    if (block.kind === 'rows')
      for (const row of block.rows)
        doc
          .font('regular')
          .fontSize(11)
          .text(`${text(row.label)}: ${text(row.value)}`, { align: 'right', width });
    else if (block.kind === 'table')
      for (const cells of [block.columns.map((c) => c.title), ...block.rows])
        doc.font('regular').fontSize(10).text(cells.map(text).join(' | '), { align: 'right', width });
    else if (block.kind === 'paragraph' || block.kind === 'notice' || block.kind === 'heading')
      doc.font('regular').fontSize(11).text(text(block.text), { align: 'right', width });
    else if (block.kind === 'qr') {
      drawQr(doc, block.data, 48, doc.y, block.size ?? 120);
      if (block.beside)
        doc
          .font('regular')
          .fontSize(9)
          .text(text(block.beside), 190, doc.y, { align: 'right', width: width - 142 });
    }
  }
  doc.end();
  return done;
}
