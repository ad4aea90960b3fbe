// A definition arrives as JSON from the admin screens, so nothing about its shape is assumed here.

/** Why part of a service definition was refused; `serviceDefinition.<rule>` in the server catalogue says it in words. */
export const DEFINITION_RULES = [
  'object',
  'missing',
  'unknown_property',
  'array',
  'empty_array',
  'empty_text',
  'code_format',
  'field_name_format',
  'service_code_format',
  'one_of',
  'boolean',
  'number',
  'whole_number',
  'duplicate',
  'only_for_type',
  'only_for_kind',
  'min_above_max',
  'engine_action',
  'initial_draft',
  'code_mismatch',
  'unknown_target',
  'unknown_source',
  'leaves_terminal',
  'staff_on_draft',
  'duplicate_action',
  'refusal_needs_reason',
  'returned_not_to_applicant',
  'draft_count',
  'no_approved',
  'unreachable',
  'dead_end',
  'applicant_cannot_act',
  'staff_cannot_act',
  'returned_from_several',
] as const;
/** Why part of a service definition was refused. */
export type DefinitionRule = (typeof DEFINITION_RULES)[number];

/**
 * One problem with a definition, at the JSON path it concerns (`workflow.transitions[2].by[1]`; `''` is the
 * whole definition), so an editor can show it right there.
 */
export interface DefinitionProblem {
  path: string;
  rule: DefinitionRule;
  params?: Record<string, string | number>;
}

/** A JSON object. */
export type Obj = Record<string, unknown>;

/** True for a plain JSON object (not null, not an array). */
export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The kinds of code a definition names things with. */
export const NAME_FORMATS = {
  code_format: /^[a-z][a-z0-9_]{1,39}$/,
  field_name_format: /^[A-Za-z][A-Za-z0-9_]{0,63}$/,
  service_code_format: /^[a-z0-9_]{2,40}$/,
} as const;

/** Collects shape problems with their JSON paths. */
export class Checker {
  readonly problems: DefinitionProblem[] = [];

  add(path: string, rule: DefinitionRule, params?: Record<string, string | number>): void {
    this.problems.push(params ? { path, rule, params } : { path, rule });
  }

  object(value: unknown, path: string, required: string[], optional: string[] = []): value is Obj {
    if (!isObj(value)) {
      this.add(path, 'object');
      return false;
    }
    for (const key of required) if (!(key in value)) this.add(join(path, key), 'missing');
    // An unknown key is usually a typo (requiresReson) that would silently drop a rule.
    for (const key of Object.keys(value)) {
      if (!required.includes(key) && !optional.includes(key)) this.add(join(path, key), 'unknown_property');
    }
    return true;
  }

  array(value: unknown, path: string, nonEmpty = false): unknown[] {
    if (!Array.isArray(value)) {
      this.add(path, 'array');
      return [];
    }
    if (nonEmpty && value.length === 0) this.add(path, 'empty_array');
    return value;
  }

  labels(value: unknown, path: string): void {
    if (!this.object(value, path, ['fa', 'en', 'vi'])) return;
    for (const lang of ['fa', 'en', 'vi']) {
      const text = value[lang];
      if (lang in value && (typeof text !== 'string' || text.trim() === ''))
        this.add(join(path, lang), 'empty_text');
    }
  }

  name(value: unknown, path: string, format: keyof typeof NAME_FORMATS): string | null {
    if (typeof value === 'string' && NAME_FORMATS[format].test(value)) return value;
    this.add(path, format);
    return null;
  }

  oneOf(value: unknown, path: string, allowed: readonly string[]): void {
    if (typeof value !== 'string' || !allowed.includes(value))
      this.add(path, 'one_of', { allowed: allowed.join(', ') });
  }

  boolean(value: unknown, path: string): void {
    if (typeof value !== 'boolean') this.add(path, 'boolean');
  }

  positiveInteger(value: unknown, path: string, max = Number.MAX_SAFE_INTEGER): void {
    if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > max) {
      this.add(path, 'whole_number', { max });
    }
  }

  /** Reports each repeated value at the path of its repetition. */
  unique(entries: { value: string | null; path: string }[]): void {
    const seen = new Set<string>();
    for (const { value, path } of entries) {
      if (value === null) continue;
      if (seen.has(value)) this.add(path, 'duplicate', { value });
      seen.add(value);
    }
  }
}

/** `parent.key`, or `key` at the top. */
export function join(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}
