import type { Bidi } from 'bidi-js';
import bidiModule from 'bidi-js';
import * as hb from 'harfbuzzjs';
import { type FaceName, type FontFace, type FontWeight, fontFace, isArabicScript } from './fonts.js';

/*
 * One line of text, from logical order to glyphs in visual order: the Unicode Bidirectional Algorithm (bidi-js)
 * gives every character its embedding level; the line is cut into runs of one level and one face; HarfBuzz
 * shapes each run in its own direction (joining, ligatures, marks, mirrored brackets in right-to-left runs); runs
 * are then put in visual order (rule L2). pdfkit's own layout skips all of this and prints mixed Persian wrongly
 * (see docs/adr/0008-certificate-pdf-pipeline.md).
 */

// bidi-js is a UMD bundle whose default export is the factory itself; its types describe an ES module.
const bidi = (bidiModule as unknown as () => Bidi)();

export type Direction = 'rtl' | 'ltr';

export interface ShapedGlyph {
  id: number;
  /** Advance and offsets in points at the run's size. */
  advance: number;
  xOffset: number;
  yOffset: number;
  /** The characters this glyph stands for, in the order a text extractor reads them back (see `clusterText`). */
  text: string;
}

export interface ShapedRun {
  /** Where the run starts in the line's logical order (runs are drawn in that order; see glyph-writer.ts). */
  start: number;
  face: FontFace;
  size: number;
  rtl: boolean;
  glyphs: ShapedGlyph[];
  width: number;
}

export interface ShapedLine {
  runs: ShapedRun[];
  width: number;
}

export interface LineStyle {
  direction: Direction;
  /** Faces in order of preference for characters that are not Arabic script. */
  faces: FaceName[];
  weight: FontWeight;
  size: number;
}

function faceNameFor(codePoint: number, preference: FaceName[], weight: FontWeight): FaceName | null {
  if (isArabicScript(codePoint)) return 'vazirmatn';
  for (const name of preference) if (fontFace(name, weight).covers(codePoint)) return name;
  return null;
}

const NEUTRAL_TYPES = new Set(['WS', 'ON', 'CS', 'ES', 'ET', 'NSM', 'BN', 'S', 'B']);

/** The face of each UTF-16 position; neutrals (spaces, punctuation) follow their neighbour so runs stay long. */
function facesOf(text: string, style: LineStyle): FaceName[] {
  const names: (FaceName | null)[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) ?? 0;
    const neutral = NEUTRAL_TYPES.has(bidi.getBidiCharTypeName(text[i]));
    names.push(neutral ? null : faceNameFor(code, style.faces, style.weight));
    if (code > 0xffff) {
      names.push(names[names.length - 1]);
      i++;
    }
  }
  let previous: FaceName | null = null;
  for (let i = 0; i < names.length; i++) {
    if (names[i] === null) names[i] = previous;
    else previous = names[i];
  }
  let next: FaceName = style.faces[0];
  for (let i = names.length - 1; i >= 0; i--) {
    if (names[i] === null) names[i] = next;
    else next = names[i] as FaceName;
  }
  return names as FaceName[];
}

/*
 * Text extractors (pdftotext, pdf.js, copy and paste) read a right-to-left line's glyphs from right to left and
 * reverse what each glyph maps to character by character. A ligature of several characters (لا) would come back
 * reversed (ال), so its mapping is stored reversed to come back in logical order.
 */
function clusterText(text: string, rtl: boolean): string {
  return rtl && text.length > 1 ? [...text].reverse().join('') : text;
}

function shapeRun(
  text: string,
  start: number,
  end: number,
  face: FontFace,
  size: number,
  rtl: boolean,
): ShapedRun {
  const buffer = new hb.Buffer();
  buffer.addText(text.slice(start, end));
  buffer.guessSegmentProperties();
  buffer.setDirection(rtl ? hb.Direction.RTL : hb.Direction.LTR);
  buffer.setClusterLevel(hb.ClusterLevel.MONOTONE_CHARACTERS);
  if (face.name === 'vazirmatn') buffer.setLanguage('fa');
  hb.shape(face.hbFont, buffer);
  const infos = buffer.getGlyphInfosAndPositions();
  const scale = size / face.unitsPerEm;
  const runText = text.slice(start, end);
  // Cluster boundaries in logical order, to know which characters each cluster covers.
  const starts = [...new Set(infos.map((info) => info.cluster))].sort((a, b) => a - b);
  const endOf = new Map(starts.map((s, i) => [s, i + 1 < starts.length ? starts[i + 1] : runText.length]));
  const seen = new Set<number>();
  const glyphs: ShapedGlyph[] = [];
  let width = 0;
  // In a right-to-left run the first glyph of a cluster in logical order is the last one in visual order.
  const order = rtl ? [...infos.keys()].reverse() : [...infos.keys()];
  const texts: string[] = new Array(infos.length).fill('');
  for (const index of order) {
    const cluster = infos[index].cluster;
    if (seen.has(cluster)) continue;
    seen.add(cluster);
    texts[index] = clusterText(runText.slice(cluster, endOf.get(cluster)), rtl);
  }
  infos.forEach((info, index) => {
    const advance = (info.xAdvance ?? 0) * scale;
    glyphs.push({
      id: info.codepoint,
      advance,
      xOffset: (info.xOffset ?? 0) * scale,
      yOffset: (info.yOffset ?? 0) * scale,
      text: texts[index],
    });
    width += advance;
  });
  return { start, face, size, rtl, glyphs, width };
}

/** Rule L2: from the highest level down to the lowest odd one, reverse every sequence of runs at that level or above. */
function visualOrder<T extends { level: number }>(runs: T[]): T[] {
  const result = [...runs];
  const levels = result.map((run) => run.level);
  const highest = Math.max(0, ...levels);
  const lowestOdd = Math.min(...levels.map((level) => (level % 2 === 1 ? level : level + 1)));
  for (let level = highest; level >= lowestOdd; level--) {
    let i = 0;
    while (i < result.length) {
      if (result[i].level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < result.length && result[j].level >= level) j++;
      const reversed = result.slice(i, j).reverse();
      result.splice(i, j - i, ...reversed);
      i = j;
    }
  }
  return result;
}

/** Shapes one line (no line breaks inside) into runs in visual order, left to right. */
export function shapeLine(text: string, style: LineStyle): ShapedLine {
  if (text.length === 0) return { runs: [], width: 0 };
  const { levels } = bidi.getEmbeddingLevels(text, style.direction);
  const names = facesOf(text, style);
  const logicalRuns: { start: number; end: number; level: number; face: FaceName }[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = logicalRuns[logicalRuns.length - 1];
    if (last && last.level === levels[i] && last.face === names[i]) last.end = i + 1;
    else logicalRuns.push({ start: i, end: i + 1, level: levels[i], face: names[i] });
  }
  const runs = visualOrder(logicalRuns).map((run) =>
    shapeRun(text, run.start, run.end, fontFace(run.face, style.weight), style.size, run.level % 2 === 1),
  );
  return { runs, width: runs.reduce((sum, run) => sum + run.width, 0) };
}
