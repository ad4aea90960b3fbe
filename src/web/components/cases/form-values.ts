import type { CaseDocument, DocumentRequirement, FormField } from '../../api/cases.js';
import {
  formatJalaliInput,
  localizeDigits,
  parseJalaliInput,
  parseTypedNumber,
  toLatinDigits,
} from '../../format.js';
import type { Language } from '../../i18n/languages.js';

/** What the inputs hold: text as typed (booleans as 'true' / 'false' / '' for unanswered). */
export type FormValues = Record<string, string>;

/** A value the browser can tell is wrong before asking the server. */
export type LocalProblem = 'date' | 'number';

const IDENTIFIERS = new Set(['national_id', 'mobile', 'postal_code']);

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The inputs' text for a case's stored answers: dates in the Solar Hijri calendar, digits in the UI language. */
export function initialValues(fields: FormField[], data: Record<string, unknown>, language: Language) {
  const values: FormValues = {};
  for (const field of fields) {
    const value = data[field.name];
    if (isBlank(value)) {
      values[field.name] = '';
      continue;
    }
    switch (field.type) {
      case 'boolean':
        values[field.name] = value === true ? 'true' : value === false ? 'false' : '';
        break;
      case 'date':
        values[field.name] = typeof value === 'string' ? formatJalaliInput(value, language) : '';
        break;
      case 'number':
        values[field.name] = localizeDigits(String(value), language);
        break;
      default:
        values[field.name] = IDENTIFIERS.has(field.type)
          ? localizeDigits(String(value), language)
          : String(value);
    }
  }
  return values;
}

function answerOf(field: FormField, text: string): { value: unknown } | { problem: LocalProblem } {
  switch (field.type) {
    case 'number': {
      const parsed = parseTypedNumber(text);
      if (parsed === undefined) return { value: null };
      return typeof parsed === 'number' ? { value: parsed } : { problem: 'number' };
    }
    case 'date': {
      const iso = parseJalaliInput(text);
      if (iso === undefined) return { value: null };
      return iso === null ? { problem: 'date' } : { value: iso };
    }
    case 'boolean':
      return { value: text === 'true' ? true : text === 'false' ? false : null };
    case 'text':
    case 'select':
      return { value: text.trim() === '' ? null : text.trim() };
    default: {
      const clean = toLatinDigits(text).trim();
      return { value: clean === '' ? null : clean };
    }
  }
}

/**
 * The answers to send for the fields the applicant may change (null clears one), and the fields whose text is no
 * date or number. Persian digits become Latin, dates become Gregorian ISO dates.
 */
export function formDataOf(fields: FormField[], values: FormValues, editable: (name: string) => boolean) {
  const data: Record<string, unknown> = {};
  const problems: Record<string, LocalProblem> = {};
  for (const field of fields) {
    if (!editable(field.name)) continue;
    const answer = answerOf(field, values[field.name] ?? '');
    if ('problem' in answer) problems[field.name] = answer.problem;
    else data[field.name] = answer.value;
  }
  return { data, problems };
}

/** The required fields left blank and the required documents not uploaded yet, by code. */
export function missingItems(
  fields: FormField[],
  values: FormValues,
  requirements: DocumentRequirement[],
  documents: CaseDocument[],
): string[] {
  const uploaded = new Set(documents.map((d) => d.requirement));
  return [
    ...fields.filter((f) => f.required && (values[f.name] ?? '').trim() === '').map((f) => f.name),
    ...requirements.filter((d) => d.required && !uploaded.has(d.code)).map((d) => d.code),
  ];
}

const EXTENSIONS: Record<string, string[]> = {
  pdf: ['pdf'],
  jpeg: ['jpg', 'jpeg'],
  png: ['png'],
};
const MIME_TYPES: Record<string, string[]> = {
  pdf: ['application/pdf'],
  jpeg: ['image/jpeg'],
  png: ['image/png'],
};

/** The `accept` attribute of a file input for a requirement. */
export function acceptAttribute(requirement: DocumentRequirement): string {
  return requirement.accept
    .flatMap((format) => [...(MIME_TYPES[format] ?? []), ...(EXTENSIONS[format] ?? []).map((e) => `.${e}`)])
    .join(',');
}

/** Why a chosen file cannot be uploaded for a requirement, before sending it (the server checks the content). */
export function fileProblem(
  requirement: DocumentRequirement,
  file: { name: string; size: number; type: string },
): 'tooLarge' | 'wrongType' | null {
  if (file.size > requirement.maxBytes) return 'tooLarge';
  const extension = file.name.toLowerCase().split('.').pop() ?? '';
  const known = requirement.accept.some(
    (format) => EXTENSIONS[format]?.includes(extension) || MIME_TYPES[format]?.includes(file.type),
  );
  return known ? null : 'wrongType';
}
