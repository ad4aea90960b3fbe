// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what JSON must escape.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

type Utf8Write = (this: Buffer, text: string, offset: number, length: number) => number;
// Buffer's own encoder (what write() calls after checking its arguments): one native call per string.
const utf8Write = (Buffer.prototype as unknown as { utf8Write?: Utf8Write }).utf8Write;

/**
 * Hand-written JSON straight into one reused byte buffer, for answers so frequent that building strings and then
 * encoding them is most of their cost. Writing is synchronous from `begin()` to `take()`, so one writer serves a
 * whole process; `take()` copies the bytes out. Texts written with `ascii` must be ASCII (keys, numbers).
 */
export class JsonBytes {
  private buf = Buffer.allocUnsafeSlow(16_384);
  private pos = 0;

  begin(): this {
    this.pos = 0;
    return this;
  }

  private room(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafeSlow(Math.max(2 * this.buf.length, this.pos + bytes));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }

  /** ASCII text as it is (keys, punctuation, numbers already formatted). */
  ascii(text: string): this {
    const n = text.length;
    this.room(n);
    const { buf } = this;
    let pos = this.pos;
    for (let i = 0; i < n; i++) buf[pos++] = text.charCodeAt(i);
    this.pos = pos;
    return this;
  }

  /** Bytes already encoded (a shared fragment of JSON). */
  bytes(bytes: Uint8Array): this {
    const n = bytes.length;
    this.room(n);
    if (n < 48) {
      const { buf } = this;
      let pos = this.pos;
      for (let i = 0; i < n; i++) buf[pos++] = bytes[i];
      this.pos = pos;
    } else {
      this.buf.set(bytes, this.pos);
      this.pos += n;
    }
    return this;
  }

  /** A finite number, or null (as JSON.stringify writes NaN and Infinity); the same text JSON.stringify writes. */
  num(value: number): this {
    const magnitude = value < 0 ? -value : value;
    // Whole numbers and decimals of up to 8 places below 10^7 (areas, amounts, shares, coordinates) are written
    // digit by digit: converting a double to text is most of what an answer full of numbers costs.
    if (magnitude < 1e7 && (magnitude >= 1e-6 || magnitude === 0)) {
      const whole = Math.floor(magnitude);
      if (whole === magnitude) return this.digits(value < 0, whole, 0, 0);
      for (let places = 1, scale = 10; places <= 8; places++, scale *= 10) {
        const scaled = Math.round(magnitude * scale);
        // The shortest decimal that reads back as this very double, as Number.prototype.toString chooses it.
        if (scaled / scale === magnitude)
          return this.digits(value < 0, whole, scaled - whole * scale, places);
      }
    }
    return this.ascii(Number.isFinite(value) ? `${value}` : 'null');
  }

  private digits(negative: boolean, whole: number, fraction: number, places: number): this {
    this.room(32);
    const { buf } = this;
    let pos = this.pos;
    if (negative) buf[pos++] = 0x2d;
    let length = 1;
    for (let rest = whole; rest >= 10; rest = Math.floor(rest / 10)) length++;
    for (let i = length - 1, rest = whole; i >= 0; i--, rest = Math.floor(rest / 10))
      buf[pos + i] = 0x30 + (rest % 10);
    pos += length;
    if (places > 0) {
      buf[pos++] = 0x2e;
      for (let i = places - 1, rest = fraction; i >= 0; i--, rest = Math.floor(rest / 10))
        buf[pos + i] = 0x30 + (rest % 10);
      pos += places;
    }
    this.pos = pos;
    return this;
  }

  numOrNull(value: number | null): this {
    return value === null ? this.ascii('null') : this.num(value);
  }

  /** A string, quoted and escaped as JSON.stringify would. */
  str(value: string): this {
    const n = value.length;
    let plain = true;
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(i);
      if (c >= 0x7f || c < 0x20 || c === 0x22 || c === 0x5c) {
        plain = false;
        break;
      }
    }
    if (plain) {
      this.room(n + 2);
      const { buf } = this;
      let pos = this.pos;
      buf[pos++] = 0x22;
      for (let i = 0; i < n; i++) buf[pos++] = value.charCodeAt(i);
      buf[pos++] = 0x22;
      this.pos = pos;
      return this;
    }
    const text = NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
    this.room(3 * text.length);
    this.pos += utf8Write
      ? utf8Write.call(this.buf, text, this.pos, this.buf.length - this.pos)
      : this.buf.write(text, this.pos);
    return this;
  }

  strOrNull(value: string | null): this {
    return value === null ? this.ascii('null') : this.str(value);
  }

  /** A JSON array: `[`, each item as `write` writes it, separated by commas, `]`. */
  list<T>(items: readonly T[], write: (item: T) => void): this {
    this.ascii('[');
    for (let i = 0; i < items.length; i++) {
      if (i > 0) this.ascii(',');
      write(items[i]);
    }
    return this.ascii(']');
  }

  /** A copy of what was written since `begin()`. */
  take(): Buffer {
    const out = Buffer.allocUnsafe(this.pos);
    this.buf.copy(out, 0, 0, this.pos);
    return out;
  }
}
