// Writes small polygon Shapefiles for tests: what real files rarely show (cut characters, legacy
// encodings, deleted rows, odd extension case) is easiest to produce on purpose.
import fs from 'node:fs';
import path from 'node:path';
import type { Position } from './types.js';

/** A .dbf column: text ('C') or number ('N'). */
export interface FixtureField {
  name: string;
  type: 'C' | 'N';
  length: number;
}

/** What to write; a text value may be raw bytes, to write bytes that are not valid text. */
export interface FixtureLayer {
  /** Each shape as rings (outer rings clockwise, holes counter-clockwise, as Shapefiles store them); null: a null shape. */
  shapes: (Position[][] | null)[];
  fields: FixtureField[];
  rows: (string | number | Buffer | null)[][];
  deleted?: number[];
  cpg?: string;
  prj?: string;
  /** Extension case, e.g. 'upper' writes .SHP, .DBF, .PRJ, .CPG. */
  extensionCase?: 'lower' | 'upper';
}

function shpFile(shapes: (Position[][] | null)[]): Buffer {
  const records = shapes.map((rings, i) => {
    const points = rings?.flat() ?? [];
    const content = Buffer.alloc(rings ? 44 + 4 * rings.length + 16 * points.length : 4);
    content.writeInt32LE(rings ? 5 : 0, 0);
    if (rings) {
      const xs = points.map((p) => p[0]);
      const ys = points.map((p) => p[1]);
      const box = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
      for (const [k, v] of box.entries()) content.writeDoubleLE(v, 4 + 8 * k);
      content.writeInt32LE(rings.length, 36);
      content.writeInt32LE(points.length, 40);
      let start = 0;
      rings.forEach((ring, k) => {
        content.writeInt32LE(start, 44 + 4 * k);
        start += ring.length;
      });
      points.forEach(([x, y], k) => {
        content.writeDoubleLE(x, 44 + 4 * rings.length + 16 * k);
        content.writeDoubleLE(y, 52 + 4 * rings.length + 16 * k);
      });
    }
    const header = Buffer.alloc(8);
    header.writeInt32BE(i + 1, 0);
    header.writeInt32BE(content.length / 2, 4);
    return Buffer.concat([header, content]);
  });
  const all = shapes.flatMap((rings) => rings?.flat() ?? []);
  const head = Buffer.alloc(100);
  head.writeInt32BE(9994, 0);
  head.writeInt32BE((100 + records.reduce((n, r) => n + r.length, 0)) / 2, 24);
  head.writeInt32LE(1000, 28);
  head.writeInt32LE(5, 32);
  const box =
    all.length > 0
      ? [
          Math.min(...all.map((p) => p[0])),
          Math.min(...all.map((p) => p[1])),
          Math.max(...all.map((p) => p[0])),
          Math.max(...all.map((p) => p[1])),
        ]
      : [0, 0, 0, 0];
  for (const [k, v] of box.entries()) head.writeDoubleLE(v, 36 + 8 * k);
  return Buffer.concat([head, ...records]);
}

function dbfFile(layer: FixtureLayer): Buffer {
  const recordLength = 1 + layer.fields.reduce((n, f) => n + f.length, 0);
  const headerLength = 32 + 32 * layer.fields.length + 1;
  const head = Buffer.alloc(headerLength);
  head[0] = 3;
  head.writeUInt32LE(layer.rows.length, 4);
  head.writeUInt16LE(headerLength, 8);
  head.writeUInt16LE(recordLength, 10);
  layer.fields.forEach((f, k) => {
    head.write(f.name, 32 + 32 * k, 'latin1');
    head[32 + 32 * k + 11] = f.type.charCodeAt(0);
    head[32 + 32 * k + 16] = f.length;
  });
  head[headerLength - 1] = 0x0d;
  const rows = layer.rows.map((row, r) => {
    const out = Buffer.alloc(recordLength, 0x20);
    if (layer.deleted?.includes(r)) out[0] = 0x2a;
    let at = 1;
    layer.fields.forEach((f, k) => {
      const value = row[k];
      const bytes = Buffer.isBuffer(value)
        ? value
        : value === null
          ? Buffer.alloc(0)
          : Buffer.from(String(value), 'utf8');
      const cut = bytes.subarray(0, f.length);
      // Numbers are right-aligned, text left-aligned, both padded with spaces.
      cut.copy(out, f.type === 'N' ? at + f.length - cut.length : at);
      at += f.length;
    });
    return out;
  });
  return Buffer.concat([head, ...rows, Buffer.from([0x1a])]);
}

/** Writes `<dir>/<base>.shp` with .dbf and, if given, .cpg and .prj; returns the .shp path. */
export function writeShapefile(dir: string, base: string, layer: FixtureLayer): string {
  const ext = (e: string) =>
    path.join(dir, `${base}.${layer.extensionCase === 'upper' ? e.toUpperCase() : e}`);
  fs.writeFileSync(ext('shp'), shpFile(layer.shapes));
  fs.writeFileSync(ext('dbf'), dbfFile(layer));
  if (layer.cpg !== undefined) fs.writeFileSync(ext('cpg'), layer.cpg);
  if (layer.prj !== undefined) fs.writeFileSync(ext('prj'), layer.prj);
  return ext('shp');
}
