import { type LineStyle, type ShapedLine, shapeLine } from './shape-line.js';

/**
 * Breaks a paragraph (logical order) into lines no wider than `maxWidth` points, at spaces, then shapes each line.
 * A word wider than the whole line gets a line of its own and overflows rather than being cut mid-word.
 * Explicit newlines start new lines.
 */
export function wrapText(text: string, maxWidth: number, style: LineStyle): ShapedLine[] {
  const lines: ShapedLine[] = [];
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(/\s+/).filter((word) => word.length > 0);
    if (words.length === 0) {
      lines.push(shapeLine('', style));
      continue;
    }
    const space = shapeLine(' ', style).width;
    let current: string[] = [];
    let width = 0;
    for (const word of words) {
      const wordWidth = shapeLine(word, style).width;
      if (current.length > 0 && width + space + wordWidth > maxWidth) {
        lines.push(shapeLine(current.join(' '), style));
        current = [];
        width = 0;
      }
      width += (current.length > 0 ? space : 0) + wordWidth;
      current.push(word);
    }
    if (current.length > 0) lines.push(shapeLine(current.join(' '), style));
  }
  return lines;
}
