import fs from 'node:fs/promises';
import path from 'node:path';
import { parseShp } from 'shpjs';
import { BufferedFile } from './buffered-file.js';
import { type DbfRecord, type DbfTextIssue, openDbf } from './dbf.js';
import { detectCrs, type SupportedCrs } from './reproject.js';
import type { IndexedFeature } from './types.js';

/** A feature read from a Shapefile, with any attribute text that had to be repaired. */
export interface ShapefileFeature extends IndexedFeature {
  textIssues: DbfTextIssue[];
}

/** An opened Shapefile: its CRS, encoding and record count, and its features streamed one at a time. */
export interface ShapefileSource {
  /** From the .prj; without one, guessed from the .shp bounding box (degrees → WGS84); null: ask the user. */
  readonly crs: SupportedCrs | null;
  readonly crsFrom: 'prj' | 'bbox';
  readonly prj: string | null;
  /** The TextDecoder encoding used for the .dbf, and where it came from. */
  readonly encoding: string;
  readonly encodingFrom: 'option' | 'cpg' | 'default';
  /** Number of records in the .dbf, null without one (rows marked deleted are skipped when reading). */
  readonly count: number | null;
  readonly bbox: [number, number, number, number];
  /** The features in file order; can be iterated once, and closes the files when done. */
  features(): AsyncGenerator<ShapefileFeature>;
  /** Closes the files without reading (features() does it itself). */
  close(): Promise<void>;
}

const SHP_HEADER = 100;
const RECORD_HEADER = 8;
// Null, point, polyline, polygon and multipoint, plain, Z and M; shpjs cannot read MultiPatch (31).
const SHAPE_TYPES = new Set([0, 1, 3, 5, 8, 11, 13, 15, 18, 21, 23, 25, 28]);

/** The sibling file with the same base name and this extension, matched case-insensitively. */
async function sibling(shpPath: string, extension: string): Promise<string | null> {
  const dir = path.dirname(shpPath);
  const wanted = `${path.basename(shpPath).replace(/\.shp$/i, '')}.${extension}`;
  const names = await fs.readdir(dir);
  const found =
    names.find((name) => name === wanted) ?? names.find((n) => n.toLowerCase() === wanted.toLowerCase());
  return found ? path.join(dir, found) : null;
}

/** A TextDecoder label for the text of a .cpg file ("UTF-8", "1256", "ANSI 1256", "ISO-8859-1", …). */
export function encodingFromCpg(cpg: string): string | null {
  const label = cpg.replace(/^\uFEFF/, '').trim();
  const code = /^(?:ANSI\s*|CP|windows-)?(\d{3,5})$/i.exec(label)?.[1];
  const candidate = code === '65001' ? 'utf-8' : code ? `windows-${code}` : label;
  try {
    return new TextDecoder(candidate).encoding;
  } catch {
    return null;
  }
}

/** What to tell an administrator about a repaired attribute value. */
export function describeTextIssue(issue: DbfTextIssue, encoding: string): string {
  const why = issue.kind === 'truncated' ? 'truncated multi-byte character' : 'invalid byte sequence';
  return `property ${issue.property} was not valid ${encoding.toUpperCase()} (${why}), kept with a replacement character`;
}

/**
 * Opens a Shapefile by its .shp path, finding the .dbf, .prj and .cpg beside it (extensions in any case).
 * Records are read one at a time (memory stays bounded for a million parcels) and each is parsed by
 * shpjs's parseShp; coordinates stay in the layer's CRS, so reproject with `crs` before use.
 */
export async function openShapefile(
  shpPath: string,
  options: { encoding?: string } = {},
): Promise<ShapefileSource> {
  const [dbfPath, prjPath, cpgPath] = await Promise.all(
    ['dbf', 'prj', 'cpg'].map((ext) => sibling(shpPath, ext)),
  );
  const prj = prjPath ? await fs.readFile(prjPath, 'utf8') : null;
  const cpg = cpgPath ? encodingFromCpg(await fs.readFile(cpgPath, 'latin1')) : null;
  const encoding = options.encoding ? new TextDecoder(options.encoding).encoding : (cpg ?? 'utf-8');
  const encodingFrom = options.encoding ? 'option' : cpg ? 'cpg' : 'default';
  const shp = await BufferedFile.open(shpPath);
  const header = Buffer.from(await shp.read(SHP_HEADER));
  if (header.length < SHP_HEADER || header.readInt32BE(0) !== 9994) {
    await shp.close();
    throw new Error(`${shpPath} is not a Shapefile (.shp header missing)`);
  }
  const shapeType = header.readInt32LE(32);
  if (!SHAPE_TYPES.has(shapeType)) {
    await shp.close();
    throw new Error(`${shpPath} holds shape type ${shapeType}, which cannot be read`);
  }
  const box: [number, number, number, number] = [0, 1, 2, 3].map((k) =>
    header.readDoubleLE(36 + 8 * k),
  ) as never;
  const table = dbfPath ? await openDbf(dbfPath, encoding) : null;
  const guessed = detectCrs(null, [box[0], box[1]]) && detectCrs(null, [box[2], box[3]]);
  async function* features(): AsyncGenerator<ShapefileFeature> {
    const rows = table?.records();
    try {
      for (let index = 0; ; index++) {
        const recordHeader = Buffer.from(await shp.read(RECORD_HEADER));
        if (recordHeader.length === 0) return;
        if (recordHeader.length < RECORD_HEADER)
          throw new Error(`${shpPath} ends inside the header of record ${index}`);
        const contentLength = recordHeader.readInt32BE(4) * 2;
        if (contentLength < 4)
          throw new Error(`${shpPath} record ${index} has a bad length (${contentLength} bytes)`);
        const content = await shp.read(contentLength);
        if (content.length < contentLength) throw new Error(`${shpPath} ends inside record ${index}`);
        // parseShp wants a whole file: give it the file header and this one record.
        const single = Buffer.concat([header, recordHeader, content]);
        const parsed = parseShp(single)[0] as Record<string, unknown> | null;
        // shpjs adds a bbox in the source CRS, which would go stale after reprojection.
        const geometry = parsed ? { type: parsed.type, coordinates: parsed.coordinates } : null;
        const row: DbfRecord | undefined = rows ? (await rows.next()).value || undefined : undefined;
        if (row?.deleted) continue;
        yield {
          index,
          feature: { type: 'Feature', properties: row?.properties ?? {}, geometry },
          textIssues: row?.issues ?? [],
        };
      }
    } finally {
      await shp.close();
      await rows?.return(undefined);
      await table?.close();
    }
  }
  return {
    crs: prj ? detectCrs(prj) : guessed,
    crsFrom: prj ? 'prj' : 'bbox',
    prj,
    encoding,
    encodingFrom,
    count: table?.count ?? null,
    bbox: box,
    features,
    close: async () => {
      await shp.close();
      await table?.close();
    },
  };
}
