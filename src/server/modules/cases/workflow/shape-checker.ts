// A definition arrives as JSON from the admin screens, so nothing about its shape is assumed here.

/** A JSON object. */
export type Obj = Record<string, unknown>;

/** True for a plain JSON object (not null, not an array). */
export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects shape problems with their JSON paths. */
export class Checker {
  readonly problems: string[] = [];

  add(problem: string): void {
    this.problems.push(problem);
  }

  object(value: unknown, path: string, required: string[], optional: string[] = []): value is Obj {
    if (!isObj(value)) {
      this.add(`${path} must be an object`);
      return false;
    }
    for (const key of required) if (!(key in value)) this.add(`${path}.${key} is missing`);
    // An unknown key is usually a typo (requiresReson) that would silently drop a rule.
    for (const key of Object.keys(value)) {
      if (!required.includes(key) && !optional.includes(key))
        this.add(`${path}.${key} is not a known property`);
    }
    return true;
  }

  array(value: unknown, path: string, nonEmpty = false): unknown[] {
    if (!Array.isArray(value)) {
      this.add(`${path} must be an array`);
      return [];
    }
    if (nonEmpty && value.length === 0) this.add(`${path} must not be empty`);
    return value;
  }

  labels(value: unknown, path: string): void {
    if (!this.object(value, path, ['fa', 'en', 'vi'])) return;
    for (const lang of ['fa', 'en', 'vi']) {
      const text = value[lang];
      if (lang in value && (typeof text !== 'string' || text.trim() === ''))
        this.add(`${path}.${lang} is empty`);
    }
  }

  pattern(value: unknown, path: string, pattern: RegExp): string | null {
    if (typeof value === 'string' && pattern.test(value)) return value;
    this.add(`${path} must match ${pattern}`);
    return null;
  }

  oneOf(value: unknown, path: string, allowed: readonly string[]): void {
    if (typeof value !== 'string' || !allowed.includes(value))
      this.add(`${path} must be one of ${allowed.join(', ')}`);
  }

  boolean(value: unknown, path: string): void {
    if (typeof value !== 'boolean') this.add(`${path} must be true or false`);
  }

  positiveInteger(value: unknown, path: string, max = Number.MAX_SAFE_INTEGER): void {
    if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > max) {
      this.add(`${path} must be a whole number in 1..${max}`);
    }
  }

  unique(values: (string | null)[], what: string): void {
    const seen = new Set<string>();
    for (const value of values) {
      if (value === null) continue;
      if (seen.has(value)) this.add(`${what} "${value}" is used twice`);
      seen.add(value);
    }
  }
}
