import PDFDocument from 'pdfkit';
import { localizeDigits } from './digits.js';
import { type FaceName, type FontWeight, fontFace } from './fonts.js';
import { writeLine } from './glyph-writer.js';
import { drawQr } from './qr.js';
import type { ShapedLine } from './shape-line.js';
import type { Block, DocumentSpec, Inline, LabelledRow, TableColumn } from './types.js';
import { wrapText } from './wrap.js';

type Doc = InstanceType<typeof PDFDocument>;
type Align = 'start' | 'end' | 'center';

const PAGE = { width: 595.28, height: 841.89, margin: 48, footer: 28 };
const COLORS = { text: '#111111', muted: '#555555', rule: '#bbbbbb', shade: '#f1f1f1' };
const NOTICE_COLORS = { positive: '#1b7f3b', warning: '#a15c00', negative: '#b3261e' };
const LINE_HEIGHT = 1.65;

interface TextStyle {
  size: number;
  weight?: FontWeight;
  color?: string;
}

/** Lays out one document: a cursor moving down the page, each block measured before it is drawn. */
class Layout {
  private y = PAGE.margin;
  private readonly rtl: boolean;
  private readonly faces: FaceName[];
  readonly left = PAGE.margin;
  readonly width = PAGE.width - 2 * PAGE.margin;

  constructor(
    private readonly doc: Doc,
    private readonly spec: DocumentSpec,
  ) {
    this.rtl = spec.lang === 'fa';
    this.faces = this.rtl ? ['vazirmatn', 'dejavu'] : ['dejavu', 'vazirmatn'];
  }

  private plain(inline: Inline): string {
    if (typeof inline === 'string') return localizeDigits(inline, this.spec.lang);
    return inline.keepDigits ? inline.text : localizeDigits(inline.text, this.spec.lang);
  }

  shape(inline: Inline, width: number, style: TextStyle): ShapedLine[] {
    const bold = typeof inline === 'object' && inline.bold;
    return wrapText(this.plain(inline), width, {
      direction: this.rtl ? 'rtl' : 'ltr',
      faces: this.faces,
      weight: bold ? 'bold' : (style.weight ?? 'regular'),
      size: style.size,
    });
  }

  /** Draws lines in a box [x, x + width], from top y; returns the height used. */
  drawLines(
    lines: ShapedLine[],
    x: number,
    top: number,
    width: number,
    style: TextStyle,
    align: Align,
  ): number {
    const lineHeight = style.size * LINE_HEIGHT;
    this.doc.fillColor(style.color ?? COLORS.text);
    lines.forEach((line, i) => {
      const atRight = (align === 'start') === this.rtl;
      const lineX = align === 'center' ? x + (width - line.width) / 2 : atRight ? x + width - line.width : x;
      writeLine(this.doc, line, lineX, top + i * lineHeight + style.size * 1.15);
    });
    return lines.length * lineHeight;
  }

  /** x of a box of `boxWidth` placed `offset` points from the start edge (right in Persian). */
  fromStart(offset: number, boxWidth: number): number {
    return this.rtl ? this.left + this.width - offset - boxWidth : this.left + offset;
  }

  ensureSpace(height: number): void {
    if (this.y + height <= PAGE.height - PAGE.margin - PAGE.footer) return;
    this.doc.addPage();
    this.drawFooter();
    this.y = PAGE.margin;
  }

  drawFooter(): void {
    if (!this.spec.footer) return;
    const style = { size: 7.5, color: COLORS.muted };
    const lines = this.shape(this.spec.footer, this.width, style);
    const top = PAGE.height - PAGE.margin - lines.length * style.size * LINE_HEIGHT + 12;
    this.drawLines(lines, this.left, top, this.width, style, 'center');
  }

  rule(color = COLORS.rule): void {
    this.doc
      .moveTo(this.left, this.y)
      .lineTo(this.left + this.width, this.y)
      .lineWidth(0.6)
      .strokeColor(color)
      .stroke();
  }

  header(): void {
    this.drawFooter();
    if (this.spec.issuer) {
      const style = { size: 11, color: COLORS.muted };
      const lines = this.shape(this.spec.issuer, this.width, style);
      this.y += this.drawLines(lines, this.left, this.y, this.width, style, 'center');
    }
    const titleStyle = { size: 18, weight: 'bold' as const };
    const title = this.shape(this.spec.title, this.width, titleStyle);
    this.y += this.drawLines(title, this.left, this.y, this.width, titleStyle, 'center') + 6;
    this.rule(COLORS.text);
    this.y += 14;
  }

  heading(text: Inline): void {
    const style = { size: 13, weight: 'bold' as const };
    const lines = this.shape(text, this.width, style);
    this.ensureSpace(lines.length * style.size * LINE_HEIGHT + 24);
    this.y += 6;
    this.y += this.drawLines(lines, this.left, this.y, this.width, style, 'start') + 4;
  }

  rows(rows: LabelledRow[]): void {
    const labelWidth = this.width * 0.32;
    const gap = 12;
    const valueWidth = this.width - labelWidth - gap;
    const labelStyle = { size: 10, color: COLORS.muted };
    const valueStyle = { size: 11 };
    for (const row of rows) {
      const label = this.shape(row.label, labelWidth, labelStyle);
      const value = this.shape(row.value, valueWidth, valueStyle);
      const height = Math.max(label.length * 10 * LINE_HEIGHT, value.length * 11 * LINE_HEIGHT) + 3;
      this.ensureSpace(height);
      this.drawLines(label, this.fromStart(0, labelWidth), this.y + 2, labelWidth, labelStyle, 'start');
      this.drawLines(
        value,
        this.fromStart(labelWidth + gap, valueWidth),
        this.y + 1,
        valueWidth,
        valueStyle,
        'start',
      );
      this.y += height;
      this.rule();
    }
    this.y += 10;
  }

  table(columns: TableColumn[], rows: Inline[][]): void {
    const total = columns.reduce((sum, column) => sum + (column.width ?? 1), 0);
    const widths = columns.map((column) => ((column.width ?? 1) / total) * this.width);
    const offsets = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0));
    const pad = 5;
    const drawRow = (cells: Inline[], style: TextStyle, shaded: boolean) => {
      const shaped = cells.map((cell, i) => this.shape(cell, widths[i] - 2 * pad, style));
      const height = Math.max(...shaped.map((lines) => lines.length)) * style.size * LINE_HEIGHT + 2 * pad;
      this.ensureSpace(height);
      if (shaded) this.doc.rect(this.left, this.y, this.width, height).fill(COLORS.shade);
      shaped.forEach((lines, i) => {
        const x = this.fromStart(offsets[i], widths[i]);
        this.drawLines(lines, x + pad, this.y + pad - 1, widths[i] - 2 * pad, style, 'start');
        this.doc.rect(x, this.y, widths[i], height).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
      });
      this.y += height;
    };
    drawRow(
      columns.map((column) => column.title),
      { size: 10, weight: 'bold' },
      true,
    );
    for (const row of rows) drawRow(row, { size: 10 }, false);
    this.y += 12;
  }

  paragraph(text: Inline, tone: 'normal' | 'muted' | 'strong'): void {
    const style: TextStyle = {
      size: tone === 'muted' ? 9 : 11,
      weight: tone === 'strong' ? 'bold' : 'regular',
      color: tone === 'muted' ? COLORS.muted : COLORS.text,
    };
    const lines = this.shape(text, this.width, style);
    const lineHeight = style.size * LINE_HEIGHT;
    // Split across pages line by line.
    for (const line of lines) {
      this.ensureSpace(lineHeight);
      this.y += this.drawLines([line], this.left, this.y, this.width, style, 'start');
    }
    this.y += 6;
  }

  notice(text: Inline, tone: 'positive' | 'warning' | 'negative'): void {
    const color = NOTICE_COLORS[tone];
    const style = { size: 12, weight: 'bold' as const, color };
    const pad = 9;
    const lines = this.shape(text, this.width - 2 * pad, style);
    const height = lines.length * style.size * LINE_HEIGHT + 2 * pad;
    this.ensureSpace(height);
    this.doc.roundedRect(this.left, this.y, this.width, height, 4).lineWidth(1.2).strokeColor(color).stroke();
    this.drawLines(lines, this.left + pad, this.y + pad - 1, this.width - 2 * pad, style, 'center');
    this.y += height + 12;
  }

  qr(data: string, caption: Inline | undefined, size: number, beside: Inline | undefined): void {
    const captionStyle = { size: 8, color: COLORS.muted };
    const besideStyle = { size: 9, color: COLORS.muted };
    const gap = 16;
    const captionLines = caption ? this.shape(caption, size, captionStyle) : [];
    const besideWidth = this.width - size - gap;
    const besideLines = beside ? this.shape(beside, besideWidth, besideStyle) : [];
    const qrHeight = size + 4 + captionLines.length * captionStyle.size * LINE_HEIGHT;
    const height = Math.max(qrHeight, besideLines.length * besideStyle.size * LINE_HEIGHT);
    this.ensureSpace(height + 6);
    const x = this.rtl ? this.left : this.left + this.width - size;
    drawQr(this.doc, data, x, this.y, size);
    this.drawLines(captionLines, x, this.y + size + 4, size, captionStyle, 'center');
    if (besideLines.length > 0)
      this.drawLines(
        besideLines,
        this.fromStart(0, besideWidth),
        this.y + 4,
        besideWidth,
        besideStyle,
        'start',
      );
    this.y += height + 6;
  }

  block(block: Block): void {
    switch (block.kind) {
      case 'heading':
        this.heading(block.text);
        break;
      case 'rows':
        this.rows(block.rows);
        break;
      case 'table':
        this.table(block.columns, block.rows);
        break;
      case 'paragraph':
        this.paragraph(block.text, block.tone ?? 'normal');
        break;
      case 'notice':
        this.notice(block.text, block.tone ?? 'positive');
        break;
      case 'qr':
        this.qr(block.data, block.caption, block.size ?? 120, block.beside);
        break;
      case 'spacer':
        this.y += block.height ?? 12;
        break;
    }
  }
}

/**
 * Renders an A4 document (title, labelled rows, tables, paragraphs, notices, QR codes) to PDF bytes. Persian
 * documents run right to left with Persian digits; English and Vietnamese left to right. Text in either script may
 * appear in any document: every line goes through the bidi algorithm and HarfBuzz, and both fonts are embedded
 * (subset) as needed.
 */
export function renderDocument(spec: DocumentSpec): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    lang: spec.lang === 'fa' ? 'fa-IR' : spec.lang,
    displayTitle: true,
    info: Object.fromEntries(
      Object.entries({
        Title: spec.title,
        Creator: 'Shahrvand',
        Producer: 'Shahrvand (pdfkit, HarfBuzz, bidi-js)',
        Author: spec.info?.author,
        Subject: spec.info?.subject,
        Keywords: spec.info?.keywords,
      }).filter(([, value]) => value !== undefined),
    ),
  });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    const layout = new Layout(doc, spec);
    layout.header();
    for (const block of spec.blocks) layout.block(block);
    doc.end();
  } catch (error) {
    doc.end();
    return Promise.reject(error);
  }
  return done;
}

function registerFonts(doc: Doc): void {
  for (const name of ['vazirmatn', 'dejavu'] as const)
    for (const weight of ['regular', 'bold'] as const) {
      const face = fontFace(name, weight);
      doc.registerFont(face.key, face.bytes);
    }
}
