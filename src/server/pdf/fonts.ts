import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as hb from 'harfbuzzjs';

/*
 * The two embedded typefaces. Vazirmatn (OFL) sets Persian and Arabic script, with Latin for Persian documents;
 * DejaVu Sans (free licence) sets Latin and Vietnamese, which Vazirmatn lacks (ấ, ậ, ề, ữ … come out as
 * .notdef or colliding marks in it). Each character goes to the first face of the document's order that has a
 * glyph for it, except Arabic-script letters, which always go to Vazirmatn so a Persian name in an English
 * document still joins.
 */

export type FontWeight = 'regular' | 'bold';
export type FaceName = 'vazirmatn' | 'dejavu';

export interface FontFace {
  /** The key under which the face is registered in a pdfkit document, e.g. `vazirmatn-bold`. */
  key: string;
  name: FaceName;
  weight: FontWeight;
  bytes: Buffer;
  unitsPerEm: number;
  hbFont: hb.Font;
  /** Whether the face has a glyph for a code point (cached). */
  covers(codePoint: number): boolean;
}

const require = createRequire(import.meta.url);

function packageFile(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

const FILES: Record<FaceName, Record<FontWeight, string>> = {
  vazirmatn: {
    regular: packageFile('vazirmatn', 'fonts/ttf/Vazirmatn-Regular.ttf'),
    bold: packageFile('vazirmatn', 'fonts/ttf/Vazirmatn-Bold.ttf'),
  },
  dejavu: {
    regular: packageFile('dejavu-fonts-ttf', 'ttf/DejaVuSans.ttf'),
    bold: packageFile('dejavu-fonts-ttf', 'ttf/DejaVuSans-Bold.ttf'),
  },
};

function loadFace(name: FaceName, weight: FontWeight): FontFace {
  const bytes = fs.readFileSync(FILES[name][weight]);
  const face = new hb.Face(new hb.Blob(bytes), 0);
  const hbFont = new hb.Font(face);
  const unitsPerEm = face.upem;
  hbFont.setScale(unitsPerEm, unitsPerEm);
  const coverage = new Map<number, boolean>();
  return {
    key: `${name}-${weight}`,
    name,
    weight,
    bytes,
    unitsPerEm,
    hbFont,
    covers(codePoint) {
      let known = coverage.get(codePoint);
      if (known === undefined) {
        known = (hbFont.nominalGlyph(codePoint) ?? 0) !== 0;
        coverage.set(codePoint, known);
      }
      return known;
    },
  };
}

const faces = new Map<string, FontFace>();

/** One face, loaded once per process (the font files and their HarfBuzz objects are shared by every document). */
export function fontFace(name: FaceName, weight: FontWeight): FontFace {
  const key = `${name}-${weight}`;
  let face = faces.get(key);
  if (!face) {
    face = loadFace(name, weight);
    faces.set(key, face);
  }
  return face;
}

export function isArabicScript(codePoint: number): boolean {
  return (
    (codePoint >= 0x0600 && codePoint <= 0x06ff) ||
    (codePoint >= 0x0750 && codePoint <= 0x077f) ||
    (codePoint >= 0x08a0 && codePoint <= 0x08ff) ||
    (codePoint >= 0xfb50 && codePoint <= 0xfdff) ||
    (codePoint >= 0xfe70 && codePoint <= 0xfeff)
  );
}
