/** A top-level member of the root object (other than `features`), or one element of its `features` array. */
export type SplitEvent = { kind: 'member'; key: string; text: string } | { kind: 'feature'; text: string };

enum State {
  RootStart,
  KeyWait,
  Key,
  Colon,
  ValueWait,
  ArrayWait,
  Capture,
  Done,
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff;
}

/**
 * Splits the text of a JSON object, fed in chunks of any size, into the JSON text of each element of its
 * top-level `features` array and of each other top-level member, without parsing them. Tracks strings,
 * escapes and bracket depth across chunk boundaries, so memory is bounded by the largest single value.
 */
export class FeatureSplitter {
  private state = State.RootStart;
  private key = '';
  private inArray = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private primitive = false;
  private parts: string[] = [];
  private partsLength = 0;

  constructor(private readonly maxValueLength = 256 * 1024 * 1024) {}

  /** Whether the root object has been closed. */
  get done(): boolean {
    return this.state === State.Done;
  }

  /** Scans one chunk, appending complete values to `out`. */
  push(chunk: string, out: SplitEvent[]): void {
    let start = 0;
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const c = chunk.charCodeAt(i);
      switch (this.state) {
        case State.Capture: {
          if (this.inString) {
            if (this.escaped) this.escaped = false;
            else if (c === BACKSLASH) this.escaped = true;
            else if (c === QUOTE) {
              this.inString = false;
              if (this.depth === 0) this.finish(chunk.slice(start, i + 1), out);
            }
          } else if (this.primitive) {
            if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c)) {
              this.finish(chunk.slice(start, i), out);
              i--; // the delimiter belongs to the enclosing state
            }
          } else if (c === QUOTE) this.inString = true;
          else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
          else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
            if (--this.depth === 0) this.finish(chunk.slice(start, i + 1), out);
          }
          break;
        }
        case State.RootStart:
          if (c === OPEN_BRACE) this.state = State.KeyWait;
          else if (!isSpace(c)) throw new SyntaxError('the file does not hold a JSON object');
          break;
        case State.KeyWait:
          if (c === QUOTE) {
            this.state = State.Key;
            start = i;
            this.escaped = false;
          } else if (c === CLOSE_BRACE) this.state = State.Done;
          else if (c !== COMMA && !isSpace(c)) throw this.unexpected(c);
          break;
        case State.Key:
          if (this.escaped) this.escaped = false;
          else if (c === BACKSLASH) this.escaped = true;
          else if (c === QUOTE) {
            this.key = JSON.parse(this.take(chunk.slice(start, i + 1)));
            this.state = State.Colon;
          }
          break;
        case State.Colon:
          if (c === COLON) this.state = State.ValueWait;
          else if (!isSpace(c)) throw this.unexpected(c);
          break;
        case State.ValueWait:
          if (isSpace(c)) break;
          if (this.key === 'features' && c === OPEN_BRACKET) {
            this.state = State.ArrayWait;
            break;
          }
          this.inArray = false;
          start = this.begin(c, i);
          break;
        case State.ArrayWait:
          if (c === CLOSE_BRACKET) this.state = State.KeyWait;
          else if (c !== COMMA && !isSpace(c)) {
            this.inArray = true;
            start = this.begin(c, i);
          }
          break;
        case State.Done:
          if (!isSpace(c)) throw new SyntaxError('unexpected text after the end of the JSON object');
          break;
      }
    }
    if (this.state === State.Capture || this.state === State.Key) {
      this.parts.push(chunk.slice(start));
      this.partsLength += n - start;
      if (this.partsLength > this.maxValueLength) {
        throw new RangeError(`a single JSON value is longer than ${this.maxValueLength} characters`);
      }
    }
  }

  /** Checks that the input ended with the root object closed. */
  end(): void {
    if (this.state !== State.Done) throw new SyntaxError('the JSON ends before its root object is closed');
  }

  private begin(c: number, i: number): number {
    this.state = State.Capture;
    this.depth = c === OPEN_BRACE || c === OPEN_BRACKET ? 1 : 0;
    this.inString = c === QUOTE;
    this.escaped = false;
    this.primitive = !this.inString && this.depth === 0;
    return i;
  }

  /** The full text of a value that may have started in an earlier chunk. */
  private take(tail: string): string {
    if (this.parts.length === 0) return tail;
    this.parts.push(tail);
    const text = this.parts.join('');
    this.parts = [];
    this.partsLength = 0;
    return text;
  }

  private finish(tail: string, out: SplitEvent[]): void {
    const text = this.take(tail);
    if (this.inArray) {
      out.push({ kind: 'feature', text });
      this.state = State.ArrayWait;
    } else {
      out.push({ kind: 'member', key: this.key, text });
      this.state = State.KeyWait;
    }
  }

  private unexpected(c: number): SyntaxError {
    return new SyntaxError(
      `unexpected character ${JSON.stringify(String.fromCharCode(c))} in the root object`,
    );
  }
}
