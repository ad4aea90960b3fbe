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

const INVISIBLE = /^[\s\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]*$/;

interface Placed {
  subsetId: number;
  x: number;
  y: number;
  nominal: number;
  advance: number;
}

/**
 * Draws one run with its left edge at x and its baseline at y (pdfkit's top-left page coordinates). Glyphs go into
 * the content stream in reading order: left to right in a left-to-right run, right to left in a right-to-left
 * one, each then placed where it belongs. Extractors (Poppler, pdf.js, copy and paste) rebuild words and spaces
 * from that order; drawn in visual order, a right-to-left line reads back with its spaces on the wrong words.
 */
function writeRun(doc: Doc, run: ShapedRun, x: number, y: number): void {
  const font = embeddedFont(doc, run.face.key);
  const page = (doc as DocInternals).page;
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
  const baseline = doc.page.height - y;
  const toThousandths = 1000 / run.size;
  const unitsToPoints = run.size / run.face.unitsPerEm;
  const placed: Placed[] = [];
  let pen = x;
  for (const glyph of run.glyphs) {
    // Spaces are not drawn, only advanced over: extractors infer word breaks from the gap. Invisible format
    // characters (ZWNJ in «عقب‌نشینی», bidi marks) are not drawn either: their glyph is the space glyph.
    if (!INVISIBLE.test(glyph.text)) {
      const nominal = run.face.hbFont.glyphHAdvance(glyph.id) * unitsToPoints;
      placed.push({
        subsetId: includeGlyph(font, glyph.id, nominal * toThousandths, glyph.text),
        x: pen + glyph.xOffset,
        y: baseline + glyph.yOffset,
        nominal,
        advance: glyph.advance,
      });
    }
    pen += glyph.advance;
  }
  if (run.rtl) placed.reverse();
  const ops: string[] = [
    'q',
    `1 0 0 -1 0 ${pdfNumber(doc.page.height)} cm`,
    'BT',
    `/${font.id} ${pdfNumber(run.size)} Tf`,
  ];
  let pending: string[] = [];
  // Where the text matrix's pen stands after the last glyph of the pending TJ, or null when a new Tm is needed.
  let expected: { x: number; y: number } | null = null;
  const flush = () => {
    if (pending.length > 0) ops.push(`[${pending.join(' ')}] TJ`);
    pending = [];
  };
  for (const glyph of placed) {
    if (!expected || expected.y !== glyph.y) {
      flush();
      ops.push(`1 0 0 1 ${pdfNumber(glyph.x)} ${pdfNumber(glyph.y)} Tm`);
    } else if (Math.abs(glyph.x - expected.x) > 0.001) {
      // TJ numbers are thousandths of the font size, positive to the left.
      pending.push(pdfNumber((expected.x - glyph.x) * toThousandths));
    }
    pending.push(`<${hex4(glyph.subsetId)}>`);
    expected = { x: glyph.x + glyph.nominal, y: glyph.y };
  }
  flush();
  ops.push('ET', 'Q');
  doc.addContent(ops.join('\n'));
}

/** Draws a shaped line with its left edge at x and its baseline at y; runs in reading order, each in its place. */
export function writeLine(doc: Doc, line: ShapedLine, x: number, y: number): void {
  let pen = x;
  const placed = line.runs.map((run) => {
    const left = pen;
    pen += run.width;
    return { run, left };
  });
  placed.sort((a, b) => a.run.start - b.run.start);
  for (const { run, left } of placed) writeRun(doc, run, left, y);
}
