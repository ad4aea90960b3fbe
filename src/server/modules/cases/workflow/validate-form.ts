import { toLatinDigits } from '../../../../shared/digits.js';
import {
  normalizeMobile,
  normalizeNationalId,
  normalizePostalCode,
} from '../../../../shared/identifiers/index.js';
import { parseIsoDate } from '../calendar/zoned-time.js';
import type { FormField } from './types.js';

/** Why a field value was rejected. */
export type FieldRule =
  | 'required'
  | 'type'
  | 'minimum'
  | 'maximum'
  | 'maxLength'
  | 'enum'
  | 'national_id'
  | 'mobile'
  | 'postal_code'
  | 'unknown';

/** One problem with one form field; `rule` is a stable code the interface translates. */
export interface FieldError {
  field: string;
  rule: FieldRule;
}

type Checked = { ok: true; value: unknown } | { ok: false; rule: FieldRule };

const NUMBER = /^-?\d+(\.\d+)?$/;

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function asLatin(value: unknown): string | null {
  return typeof value === 'string' ? toLatinDigits(value).trim() : null;
}

function checkNumber(field: FormField, value: unknown): Checked {
  let n: number;
  if (typeof value === 'number') n = value;
  else {
    // The Persian decimal separator (٫) is what a Persian keyboard types for a decimal point.
    const text = asLatin(value)?.replace('\u066b', '.');
    if (text === undefined || !NUMBER.test(text)) return { ok: false, rule: 'type' };
    n = Number(text);
  }
  if (!Number.isFinite(n)) return { ok: false, rule: 'type' };
  if (field.min !== undefined && n < field.min) return { ok: false, rule: 'minimum' };
  if (field.max !== undefined && n > field.max) return { ok: false, rule: 'maximum' };
  return { ok: true, value: n };
}

function checkIdentifier(value: unknown, normalize: (s: string) => string | null, rule: FieldRule): Checked {
  // Identifiers must be strings: as numbers, national IDs and postal codes lose their leading zeros.
  if (typeof value !== 'string') return { ok: false, rule: 'type' };
  const normalized = normalize(value);
  return normalized === null ? { ok: false, rule } : { ok: true, value: normalized };
}

function checkValue(field: FormField, value: unknown): Checked {
  switch (field.type) {
    case 'text': {
      if (typeof value !== 'string') return { ok: false, rule: 'type' };
      const text = value.trim();
      if (field.maxLength !== undefined && [...text].length > field.maxLength)
        return { ok: false, rule: 'maxLength' };
      return { ok: true, value: text };
    }
    case 'number':
      return checkNumber(field, value);
    case 'date': {
      const text = asLatin(value);
      return text !== null && parseIsoDate(text) !== null
        ? { ok: true, value: text }
        : { ok: false, rule: 'type' };
    }
    case 'select': {
      if (typeof value !== 'string') return { ok: false, rule: 'type' };
      const known = field.options?.some((option) => option.value === value) ?? false;
      return known ? { ok: true, value } : { ok: false, rule: 'enum' };
    }
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : { ok: false, rule: 'type' };
    case 'national_id':
      return checkIdentifier(value, normalizeNationalId, 'national_id');
    case 'mobile':
      return checkIdentifier(value, normalizeMobile, 'mobile');
    case 'postal_code':
      return checkIdentifier(value, normalizePostalCode, 'postal_code');
  }
}

/**
 * Checks and normalises form data (Latin digits, canonical mobile and IDs, trimmed text). `partial` is for
 * drafts: missing required fields are not errors yet, but every value given must still be valid.
 */
export function checkForm(
  fields: readonly FormField[],
  data: unknown,
  options: { partial?: boolean } = {},
): { errors: FieldError[]; values: Record<string, unknown> } {
  const errors: FieldError[] = [];
  const values: Record<string, unknown> = {};
  const record =
    typeof data === 'object' && data !== null && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : {};
  const known = new Set(fields.map((f) => f.name));
  for (const key of Object.keys(record)) if (!known.has(key)) errors.push({ field: key, rule: 'unknown' });
  for (const field of fields) {
    const value = record[field.name];
    if (isEmpty(value)) {
      if (field.required && options.partial !== true) errors.push({ field: field.name, rule: 'required' });
      continue;
    }
    const checked = checkValue(field, value);
    if (checked.ok) values[field.name] = checked.value;
    else errors.push({ field: field.name, rule: checked.rule });
  }
  return { errors, values };
}

/** The field errors of form data against a service's form; [] when it is valid. */
export function validateForm(
  fields: readonly FormField[],
  data: unknown,
  options: { partial?: boolean } = {},
): FieldError[] {
  return checkForm(fields, data, options).errors;
}
