import { type Locale, landUseName, translate } from '../../i18n/messages.js';
import { renderZoningMessage } from './rules/messages.js';
import { decimalFormatter, LATIN_DIGITS, PERSIAN_DIGITS } from './rules/number-text.js';
import { lotRangeLabel } from './rules/select-rule.js';
import type { ZoningMessage, ZoningNote, ZoningRule } from './rules/types.js';

const twoDecimals = (tag: string, decimal: string, digits: string) =>
  decimalFormatter(new Intl.NumberFormat(tag, { maximumFractionDigits: 2, useGrouping: false }), {
    fractionDigits: 2,
    group: '',
    decimal,
    digits,
  });
const numberFormats: Record<Locale, (value: number) => string> = {
  fa: twoDecimals('fa-IR', '٫', PERSIAN_DIGITS),
  en: twoDecimals('en', '.', LATIN_DIGITS),
  vi: twoDecimals('vi', ',', LATIN_DIGITS),
};

/** A number as written in the language (Persian digits in fa), as Intl.NumberFormat writes it. */
export function formatNumber(value: number, locale: Locale): string {
  return numberFormats[locale](value);
}

const LAND_USE_PARAMS = new Set(['use', 'allowed', 'landUse', 'parcelLandUse']);
const LEFT_TO_RIGHT_ISOLATE = '\u2066';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

function localizeParam(key: string, value: string | number, locale: Locale): string {
  if (typeof value === 'number') return formatNumber(value, locale);
  if (LAND_USE_PARAMS.has(key)) {
    return value
      .split(/,\s*/)
      .map((code) => landUseName(locale, code))
      .join(locale === 'fa' ? '، ' : ', ');
  }
  // Codes and ranges such as "R121" or "≥ 200 m²" are left-to-right; isolated, they keep their order in Persian.
  return locale === 'fa' && /[A-Za-z0-9≥≤<>]/.test(value)
    ? `${LEFT_TO_RIGHT_ISOLATE}${value}${POP_DIRECTIONAL_ISOLATE}`
    : value;
}

/** A rules-engine message in the request language: numbers in its digits, land uses by name, codes isolated. */
export function renderMessage(message: ZoningMessage, locale: Locale): string {
  const params: Record<string, string> = {};
  for (const key in message.params) params[key] = localizeParam(key, message.params[key], locale);
  return renderZoningMessage({ key: message.key, params, text: message.text }, locale);
}

function noteText(note: ZoningNote, locale: Locale): string {
  return note[locale] ?? note.en;
}

function setbacksText(rule: ZoningRule, locale: Locale): string | null {
  const setbacks = rule.limits.setbacks;
  if (!setbacks) return null;
  const n = (value: number) => formatNumber(value, locale);
  return setbacks.kind === 'metres'
    ? translate(locale, 'zoning.setbacks_metres', {
        front: n(setbacks.frontM),
        rear: n(setbacks.rearM),
        side: n(setbacks.sideM),
      })
    : translate(locale, 'zoning.setbacks_depth_rule', {
        pct: n(setbacks.pctOfDepth),
        plus: n(setbacks.plusM),
      });
}

/** One row of a zone's table as the API shows it. */
export function presentRule(rule: ZoningRule, locale: Locale, zoneMinimum: number | null = null) {
  const { limits } = rule;
  return {
    id: rule.id,
    zoneCode: rule.zoneCode,
    lotRange: lotRangeLabel(rule.condition, zoneMinimum),
    minStreetWidthM: rule.condition.minStreetWidthM,
    maxDensityPct: limits.maxDensityPct,
    maxCoveragePct: limits.maxCoveragePct,
    maxFloors: limits.maxFloors,
    maxHeightM: limits.maxHeightM,
    maxUnits: limits.maxUnits,
    minOpenSpacePerUnitM2: limits.minOpenSpacePerUnitM2,
    setbacks: setbacksText(rule, locale),
    allowedUses: limits.allowedUses ? [...limits.allowedUses] : null,
    notes: rule.notes.map((note) => noteText(note, locale)),
  };
}

export function presentRuleSetRef(
  row: { id: string; effective_from: string; resolution_no: string },
  jalali?: string,
) {
  return {
    id: row.id,
    effectiveFrom: row.effective_from,
    effectiveFromJalali: jalali ?? null,
    resolutionNo: row.resolution_no,
  };
}

const ZERO = 48;
const NINE = 57;
const COMMA = 44;
const DOT = 46;
const isDigit = (code: number) => code >= ZERO && code <= NINE;
const persianDigit = (code: number) => String.fromCharCode(0x06f0 + code - ZERO);

/**
 * The engine prints formulas in English with Latin digits; Persian readers get Persian digits at least, with the
 * Persian thousands and decimal separators inside numbers (a number being a digit, then digits and commas, then
 * at most one "." followed by digits). A scan rather than a regular expression: it runs for every fee line.
 */
export function persianFormula(formula: string): string {
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < formula.length) {
    if (!isDigit(formula.charCodeAt(i))) {
      i++;
      continue;
    }
    out += formula.slice(copied, i);
    for (let code = formula.charCodeAt(i); isDigit(code) || code === COMMA; code = formula.charCodeAt(++i)) {
      out += code === COMMA ? '٬' : persianDigit(code);
    }
    if (formula.charCodeAt(i) === DOT && isDigit(formula.charCodeAt(i + 1))) {
      out += '٫';
      for (i++; isDigit(formula.charCodeAt(i)); i++) out += persianDigit(formula.charCodeAt(i));
    }
    copied = i;
  }
  return out + formula.slice(copied);
}
