import en from './en.json' with { type: 'json' };
import fa from './fa.json' with { type: 'json' };
import vi from './vi.json' with { type: 'json' };

export const LOCALES = ['fa', 'en', 'vi'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fa';

type Catalogue = typeof en;
const catalogues: Record<Locale, Catalogue> = { fa, en, vi };

export type MessageKey =
  | `errors.${keyof Catalogue['errors']}`
  | `fields.${keyof Catalogue['fields']}`
  | `sms.${keyof Catalogue['sms']}`
  | `zoning.${keyof Catalogue['zoning']}`
  | `cases.${keyof Catalogue['cases']}`
  | `certificates.${keyof Catalogue['certificates']}`
  | `receipts.${keyof Catalogue['receipts']}`
  | `serviceDefinition.${keyof Catalogue['serviceDefinition']}`;

/** Looks up a server message in the given language and fills its {placeholders}. */
export function translate(locale: Locale, key: MessageKey, params: Record<string, unknown> = {}): string {
  const [group, name] = key.split('.') as [keyof Catalogue, string];
  const template =
    (catalogues[locale][group] as Record<string, string>)[name] ??
    (catalogues.en[group] as Record<string, string>)[name] ??
    key;
  return template.replace(/\{(\w+)\}/g, (match, param: string) =>
    params[param] === undefined ? match : String(params[param]),
  );
}

/** The name of an API field as people read it in this language, e.g. nationalId → «کد ملی»; else the field itself. */
export function fieldLabel(locale: Locale, field: string): string {
  const labels = catalogues[locale].fieldLabels as Record<string, string>;
  return labels[field] ?? labels[field.split('.').pop() ?? field] ?? field;
}

/** A land-use code (residential, …) as people call it in this language; unknown codes are returned as they are. */
export function landUseName(locale: Locale, code: string): string {
  return (catalogues[locale].landUses as Record<string, string>)[code] ?? code;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
