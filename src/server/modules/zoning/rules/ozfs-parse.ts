import JSON5 from 'json5';

/** A parsed OZFS file, with the repairs that were needed to read it, or why it could not be read. */
export type LenientParse =
  | { value: unknown; repairs: string[] }
  | { value: undefined; error: string; repairs: string[] };

interface ScanState {
  inString: boolean;
  stringStart: number;
  depth: number;
  lastSignificant: number;
}

// Where the parser is at `end`: inside a string or not, nesting depth and the last character that was not
// whitespace, a comment or inside a string (a string counts by its closing quote).
function scan(text: string, end: number): ScanState {
  const state: ScanState = { inString: false, stringStart: -1, depth: 0, lastSignificant: -1 };
  let quote = '';
  for (let i = 0; i < end; i++) {
    const c = text[i];
    if (state.inString) {
      if (c === '\\') i++;
      else if (c === quote) {
        state.inString = false;
        state.lastSignificant = i;
      }
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < end && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? end : close + 1;
    } else if (c === '"' || c === "'") {
      state.inString = true;
      state.stringStart = i;
      quote = c;
    } else if (!/\s/.test(c)) {
      if (c === '{' || c === '[') state.depth++;
      if (c === '}' || c === ']') state.depth--;
      state.lastSignificant = i;
    }
  }
  return state;
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  // json5 reports a newline as column 0 of the next line.
  return offset + column - 1;
}

const lineAt = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

// One conservative repair at the offending offset, or null. These are the slips found in the Minneapolis files:
// missing commas between items, bare words in arrays, a stray quote, and a '}' that closes the file too early.
function repairAt(text: string, offset: number): { text: string; note: string } | null {
  // json5 may stop inside a bare word (reading "two" as the start of "true"): go back to the word's start.
  let at = offset;
  while (at > 0 && /[\w$-]/.test(text[at] ?? '') && /[\w$-]/.test(text[at - 1])) at--;
  const state = scan(text, at);
  const line = lineAt(text, at);
  if (state.inString) {
    const s = state.stringStart;
    return {
      text: text.slice(0, s) + text.slice(s + 1),
      note: `line ${lineAt(text, s)}: removed a stray quote`,
    };
  }
  const c = text[at] ?? '';
  const previous = text[state.lastSignificant] ?? '';
  const startsValue = /["'{[\w$-]/.test(c);
  const endsValue = /["'}\]\w]/.test(previous);
  if (startsValue && endsValue) {
    const p = state.lastSignificant;
    if (state.depth === 0 && previous === '}') {
      return {
        text: text.slice(0, p) + text.slice(p + 1),
        note: `line ${lineAt(text, p)}: removed an extra "}"`,
      };
    }
    return {
      text: `${text.slice(0, p + 1)},${text.slice(p + 1)}`,
      note: `line ${lineAt(text, p)}: inserted a missing comma`,
    };
  }
  const word = /^[A-Za-z_$][\w$-]*/.exec(text.slice(at));
  if (word && /[[,:]/.test(previous)) {
    const quoted = `${text.slice(0, at)}"${word[0]}"${text.slice(at + word[0].length)}`;
    return { text: quoted, note: `line ${line}: quoted the bare word ${word[0]}` };
  }
  return null;
}

/**
 * Parses JSON5, repairing the common hand-editing slips one at a time (each repair is reported). Gives up after
 * `maxRepairs` or when the error is not one it knows how to repair.
 */
export function parseJson5Leniently(text: string, maxRepairs = 50): LenientParse {
  const repairs: string[] = [];
  let current = text;
  for (;;) {
    try {
      return { value: JSON5.parse(current), repairs };
    } catch (error) {
      const { lineNumber, columnNumber, message } = error as SyntaxError & {
        lineNumber?: number;
        columnNumber?: number;
      };
      const fix =
        lineNumber === undefined || columnNumber === undefined || repairs.length >= maxRepairs
          ? null
          : repairAt(current, offsetOf(current, lineNumber, columnNumber));
      if (!fix) return { value: undefined, error: message, repairs };
      repairs.push(fix.note);
      current = fix.text;
    }
  }
}
