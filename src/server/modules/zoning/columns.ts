// Growable typed columns for the in-memory parcel facts: numbers in typed arrays, strings as UTF-8 bytes in one
// buffer with offsets, repeated values as small codes into a dictionary. None of them puts a JS object per row on
// the heap, so a million parcels cost a few flat allocations and nothing for the garbage collector to walk.

type TypedArray = Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array;

export function grow<A extends TypedArray>(array: A, needed: number): A {
  if (needed <= array.length) return array;
  const bigger = new (array.constructor as new (n: number) => A)(Math.max(needed, array.length * 2, 16));
  bigger.set(array);
  return bigger;
}

export function trim<A extends TypedArray>(array: A, length: number): A {
  return (array.length === length ? array : array.slice(0, length)) as A;
}

const encoder = new TextEncoder();

type Slice = (this: Buffer, start: number, end: number) => string;
// Buffer's own decoders (what toString calls after checking its arguments): one native call per string.
const latin1Slice = (Buffer.prototype as unknown as { latin1Slice?: Slice }).latin1Slice;
const utf8Slice = (Buffer.prototype as unknown as { utf8Slice?: Slice }).utf8Slice;

function decode(view: Buffer, start: number, end: number, ascii: boolean): string {
  if (ascii) return latin1Slice ? latin1Slice.call(view, start, end) : view.toString('latin1', start, end);
  return utf8Slice ? utf8Slice.call(view, start, end) : view.toString('utf8', start, end);
}

/** Strings of any length as UTF-8 in one buffer; `get(i)` decodes the i-th. */
export class StringColumn {
  private bytes: Uint8Array;
  private byteLength = 0;
  private offsets: Uint32Array;
  private count = 0;
  private view: Buffer | null = null;
  /** Every string so far is ASCII (renewal codes usually are): decoded as Latin-1, which is quicker. */
  private ascii = true;

  constructor(expectedRows: number, bytesPerRow: number) {
    this.bytes = new Uint8Array(Math.max(64, expectedRows * bytesPerRow));
    this.offsets = new Uint32Array(Math.max(16, expectedRows + 1));
  }

  push(value: string): void {
    this.bytes = grow(this.bytes, this.byteLength + value.length * 3);
    const { written } = encoder.encodeInto(value, this.bytes.subarray(this.byteLength));
    if (this.ascii && written !== value.length) this.ascii = false;
    this.byteLength += written;
    this.offsets = grow(this.offsets, this.count + 2);
    this.offsets[++this.count] = this.byteLength;
  }

  /** Drops the spare capacity; call once every row is in. */
  finish(): void {
    this.bytes = trim(this.bytes, this.byteLength);
    this.offsets = trim(this.offsets, this.count + 1);
    this.view = Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
  }

  get(i: number): string {
    const view = this.view ?? Buffer.from(this.bytes.buffer, 0, this.byteLength);
    return decode(view, this.offsets[i], this.offsets[i + 1], this.ascii);
  }

  get memoryBytes(): number {
    return this.bytes.byteLength + this.offsets.byteLength;
  }
}

/** Few distinct values (land uses, district numbers) stored as a 16-bit code per row. */
export class DictionaryColumn<V> {
  private codes: Uint16Array;
  private count = 0;
  private readonly values: V[] = [];
  private readonly codeOf = new Map<V, number>();

  constructor(expectedRows: number) {
    this.codes = new Uint16Array(Math.max(16, expectedRows));
  }

  push(value: V): void {
    let code = this.codeOf.get(value);
    if (code === undefined) {
      code = this.values.length;
      if (code > 0xffff) throw new RangeError('more than 65,536 distinct values in a dictionary column');
      this.values.push(value);
      this.codeOf.set(value, code);
    }
    this.codes = grow(this.codes, this.count + 1);
    this.codes[this.count++] = code;
  }

  finish(): void {
    this.codes = trim(this.codes, this.count);
  }

  get(i: number): V {
    return this.values[this.codes[i]];
  }

  get memoryBytes(): number {
    return this.codes.byteLength;
  }
}

/** A list of integers per row (sub-plates), as offsets into one array. */
export class IntListColumn {
  private values: Int32Array;
  private valueCount = 0;
  private offsets: Uint32Array;
  private count = 0;

  constructor(expectedRows: number) {
    this.values = new Int32Array(Math.max(16, expectedRows));
    this.offsets = new Uint32Array(Math.max(16, expectedRows + 1));
  }

  push(list: readonly number[]): void {
    this.values = grow(this.values, this.valueCount + list.length);
    for (const value of list) this.values[this.valueCount++] = value;
    this.offsets = grow(this.offsets, this.count + 2);
    this.offsets[++this.count] = this.valueCount;
  }

  finish(): void {
    this.values = trim(this.values, this.valueCount);
    this.offsets = trim(this.offsets, this.count + 1);
  }

  get(i: number): number[] {
    const list: number[] = [];
    for (let k = this.offsets[i]; k < this.offsets[i + 1]; k++) list.push(this.values[k]);
    return list;
  }

  get memoryBytes(): number {
    return this.values.byteLength + this.offsets.byteLength;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UUID_LENGTH = 36;

/**
 * UUIDs as their 36 ASCII characters, off the heap (a string each would cost ~56 bytes of heap and give the
 * garbage collector a million objects to walk); reading one back is a single native decode.
 */
export class UuidColumn {
  private bytes: Uint8Array;
  private count = 0;
  private view: Buffer | null = null;

  constructor(expectedRows: number) {
    this.bytes = new Uint8Array(Math.max(16, expectedRows) * UUID_LENGTH);
  }

  push(uuid: string): void {
    const text = uuid.toLowerCase();
    if (!UUID.test(text)) throw new RangeError(`not a UUID: ${uuid}`);
    this.bytes = grow(this.bytes, (this.count + 1) * UUID_LENGTH);
    encoder.encodeInto(text, this.bytes.subarray(this.count * UUID_LENGTH));
    this.count++;
  }

  finish(): void {
    this.bytes = trim(this.bytes, this.count * UUID_LENGTH);
    this.view = Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
  }

  get(i: number): string {
    const view = this.view ?? Buffer.from(this.bytes.buffer, 0, this.count * UUID_LENGTH);
    return decode(view, i * UUID_LENGTH, (i + 1) * UUID_LENGTH, true);
  }

  get memoryBytes(): number {
    return this.bytes.byteLength;
  }
}
