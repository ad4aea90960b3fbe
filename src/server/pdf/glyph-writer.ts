import type PDFDocument from 'pdfkit';
import type { ShapedLine, ShapedRun } from './shape-line.js';

/*
 * Writes shaped glyphs straight into the page's content stream, bypassing pdfkit's text layout (which would shape
 * again, word by word, left to right). pdfkit still owns the font: its EmbeddedFont subsets the glyphs we include,
 * writes their widths and the ToUnicode map that text extraction and copy-paste rely on.
 */

interface EmbeddedFont {
  id: string;
  scale: number;
  subset: { includeGlyph(glyphId: number): number };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

type Doc = InstanceType<typeof PDFDocument>;
type DocInternals = Doc & { _font: EmbeddedFont; page: Doc['page'] & { fonts: Record<string, unknown> } };

function pdfNumber(n: number): string {
  return (Math.round(n * 1000) / 1000).toString();
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

function embeddedFont(doc: Doc, key: string): EmbeddedFont {
  doc.font(key);
  return (doc as DocInternals)._font;
}

function includeGlyph(font: EmbeddedFont, glyphId: number, advanceInUnits: number, text: string): number {
  const subsetId = font.subset.includeGlyph(glyphId);
  if (font.widths[subsetId] == null) font.widths[subsetId] = advanceInUnits;
  if (font.unicode[subsetId] == null) font.unicode[subsetId] = [...text].map((c) => c.codePointAt(0) ?? 0);
  return subsetId;
}

/** Draws one run with its left edge at x and its baseline at y (pdfkit's top-left page coordinates). */
function writeRun(doc: Doc, run: ShapedRun, x: number, y: number): void {
  const font = embeddedFont(doc, run.face.key);
  const page = (doc as DocInternals).page;
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
  const baseline = doc.page.height - y;
  const toThousandths = 1000 / run.size;
  const ops: string[] = ['q', `1 0 0 -1 0 ${pdfNumber(doc.page.height)} cm`, 'BT', `/${font.id} ${pdfNumber(run.size)} Tf`];
  let pen = x;
  let pending: string[] = [];
  let pendingStart = pen;
  const flush = () => {
    if (pending.length > 0) ops.push(`1 0 0 1 ${pdfNumber(pendingStart)} ${pdfNumber(baseline)} Tm`, `[${pending.join(' ')}] TJ`);
    pending = [];
  };
  for (const glyph of run.glyphs) {
    const nominal = run.face.hbFont.glyphHAdvance(glyph.id) * (run.size / run.face.unitsPerEm);
    const subsetId = includeGlyph(font, glyph.id, nominal * toThousandths, glyph.text);
    if (glyph.xOffset !== 0 || glyph.yOffset !== 0) {
      flush();
      ops.push(
        `1 0 0 1 ${pdfNumber(pen + glyph.xOffset)} ${pdfNumber(baseline + glyph.yOffset)} Tm`,
        `<${hex4(subsetId)}> Tj`,
      );
      pen += glyph.advance;
      pendingStart = pen;
      continue;
    }
    if (pending.length === 0) pendingStart = pen;
    pending.push(`<${hex4(subsetId)}>`);
    const correction = (nominal - glyph.advance) * toThousandths;
    if (Math.abs(correction) > 0.01) pending.push(pdfNumber(correction));
    pen += glyph.advance;
  }
  flush();
  ops.push('ET', 'Q');
  doc.addContent(ops.join('\n'));
}

/** Draws a shaped line with its left edge at x and its baseline at y. */
export function writeLine(doc: Doc, line: ShapedLine, x: number, y: number): void {
  let pen = x;
  for (const run of line.runs) {
    writeRun(doc, run, pen, y);
    pen += run.width;
  }
}
