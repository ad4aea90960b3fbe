import { BufferedFile } from './buffered-file.js';

/** One column of a .dbf table. */
export interface DbfField {
  name: string;
  type: string;
  length: number;
  decimals: number;
}

/** A text value whose bytes were not valid in the table's encoding; it was kept with U+FFFD in their place. */
export interface DbfTextIssue {
  property: string;
  /** 'truncated': the value ends inside a multi-byte character (a writer cut it to the field width). */
  kind: 'truncated' | 'invalid';
}

/** One row of a .dbf table. */
export interface DbfRecord {
  deleted: boolean;
  properties: Record<string, unknown>;
  issues: DbfTextIssue[];
}

/** An opened .dbf table. */
export interface DbfTable {
  fields: DbfField[];
  count: number;
  records(): AsyncGenerator<DbfRecord>;
  /** Closes the file early; records() closes it when iteration ends. */
  close(): Promise<void>;
}

function trimEnd(bytes: Buffer): Buffer {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0)) end--;
  return bytes.subarray(0, end);
}

/** Decodes text fields, noting values that were not valid in the encoding. */
class TextReader {
  private readonly utf8: boolean;
  private readonly decoder: TextDecoder;

  constructor(readonly encoding: string) {
    this.decoder = new TextDecoder(encoding);
    this.utf8 = this.decoder.encoding === 'utf-8';
  }

  decode(bytes: Buffer): { text: string; issue: DbfTextIssue['kind'] | null } {
    if (!this.utf8) return { text: this.decoder.decode(bytes), issue: null };
    const text = bytes.toString('utf8');
    if (!text.includes('\uFFFD')) return { text, issue: null };
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return { text, issue: null }; // a genuine U+FFFD in the data
    } catch {
      // Valid up to the end but for an unfinished character: the writer cut the value to the field width.
      const streaming = new TextDecoder('utf-8', { fatal: true });
      try {
        streaming.decode(bytes, { stream: true });
        return { text, issue: 'truncated' };
      } catch {
        return { text, issue: 'invalid' };
      }
    }
  }
}

function readValue(field: DbfField, bytes: Buffer, text: TextReader, issues: DbfTextIssue[]): unknown {
  switch (field.type) {
    case 'N':
    case 'F': {
      const raw = bytes.toString('latin1').trim();
      if (raw === '' || raw.startsWith('*')) return null;
      const value = Number(raw);
      return Number.isNaN(value) ? null : value;
    }
    case 'D': {
      const raw = bytes.toString('latin1').trim();
      return /^\d{8}$/.test(raw) && raw !== '00000000'
        ? `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6)}`
        : null;
    }
    case 'L': {
      const c = bytes.toString('latin1').trim().toUpperCase();
      return c === 'T' || c === 'Y' ? true : c === 'F' || c === 'N' ? false : null;
    }
    case 'I':
      return bytes.length === 4 ? bytes.readInt32LE(0) : null;
    case 'O':
      return bytes.length === 8 ? bytes.readDoubleLE(0) : null;
    default: {
      const trimmed = trimEnd(bytes);
      if (trimmed.length === 0) return null;
      const { text: value, issue } = text.decode(trimmed);
      if (issue) issues.push({ property: field.name, kind: issue });
      return value;
    }
  }
}

/**
 * Opens a dBase III/IV table (the attribute part of a Shapefile) and streams its rows, decoding text with
 * `encoding` (a TextDecoder label such as 'utf-8' or 'windows-1256'). Empty values become null, dates
 * 'YYYY-MM-DD' strings. Invalid text never fails a row: it is replaced and reported in `issues`.
 */
export async function openDbf(path: string, encoding: string): Promise<DbfTable> {
  const file = await BufferedFile.open(path);
  const text = new TextReader(encoding);
  let header: Buffer;
  try {
    const head = Buffer.from(await file.read(32));
    if (head.length < 32) throw new Error(`${path} is too short to be a .dbf file`);
    const headerLength = head.readUInt16LE(8);
    if (headerLength < 33 || head.readUInt16LE(10) < 1) throw new Error(`${path} has a damaged .dbf header`);
    header = Buffer.concat([head, await file.read(headerLength - 32)]);
  } catch (error) {
    await file.close();
    throw error;
  }
  const count = header.readUInt32LE(4);
  const recordLength = header.readUInt16LE(10);
  const fields: DbfField[] = [];
  for (let at = 32; at + 32 <= header.length && header[at] !== 0x0d; at += 32) {
    const nameEnd = header.indexOf(0, at);
    const name = text.decode(
      header.subarray(at, nameEnd >= at && nameEnd < at + 11 ? nameEnd : at + 11),
    ).text;
    fields.push({
      name,
      type: String.fromCharCode(header[at + 11]),
      length: header[at + 16],
      decimals: header[at + 17],
    });
  }
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await file.close();
  };
  async function* records(): AsyncGenerator<DbfRecord> {
    try {
      for (let i = 0; i < count; i++) {
        const row = await file.read(recordLength);
        if (row.length < recordLength) throw new Error(`${path} ends inside record ${i} of ${count}`);
        const properties: Record<string, unknown> = {};
        const issues: DbfTextIssue[] = [];
        let at = 1;
        for (const field of fields) {
          properties[field.name] = readValue(field, row.subarray(at, at + field.length), text, issues);
          at += field.length;
        }
        yield { deleted: row[0] === 0x2a, properties, issues };
      }
    } finally {
      await close();
    }
  }
  return { fields, count, records, close };
}
