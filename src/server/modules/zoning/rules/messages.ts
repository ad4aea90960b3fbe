import type { ZoningMessage } from './types.js';

type Templates = { en: string; fa: string; vi: string };

// Kept here until the keys are merged into src/server/i18n/{en,fa,vi}.json under "zoning".
const MESSAGES = {
  'zoning.condition.lot_row': {
    en: 'The lot of {lotAreaM2} m² falls in the {row} row of zone {zoneCode}.',
    fa: 'زمین {lotAreaM2} متر مربعی در ردیف {row} پهنه {zoneCode} قرار می‌گیرد.',
    vi: 'Thửa đất {lotAreaM2} m² thuộc hàng {row} của khu {zoneCode}.',
  },
  'zoning.condition.street_met': {
    en: 'Street {streetWidthM} m meets the {requiredM} m this row needs.',
    fa: 'معبر {streetWidthM} متری حداقل {requiredM} متر لازم این ردیف را دارد.',
    vi: 'Đường rộng {streetWidthM} m đạt mức {requiredM} m hàng này yêu cầu.',
  },
  'zoning.condition.most_specific': {
    en: '{count} rows match; the most specific one ({row}, street ≥ {requiredM} m) applies.',
    fa: '{count} ردیف منطبق است؛ دقیق‌ترین ردیف ({row}، معبر دست‌کم {requiredM} متر) اعمال می‌شود.',
    vi: '{count} hàng phù hợp; áp dụng hàng cụ thể nhất ({row}, đường ≥ {requiredM} m).',
  },
  'zoning.condition.street_fallback': {
    en: 'Street {streetWidthM} m is narrower than the {requiredM} m this lot size needs: limits of the {row} row apply.',
    fa: 'عرض معبر {streetWidthM} متر از {requiredM} متر لازم برای این مساحت کمتر است: ضوابط ردیف {row} اعمال می‌شود.',
    vi: 'Đường rộng {streetWidthM} m hẹp hơn {requiredM} m mà diện tích này yêu cầu: áp dụng giới hạn của hàng {row}.',
  },
  'zoning.condition.no_rule_for_zone': {
    en: 'No rule for zone {zoneCode} in rule set {ruleSetId}.',
    fa: 'برای پهنه {zoneCode} در ضوابط {ruleSetId} ردیفی نیست.',
    vi: 'Không có quy định cho khu {zoneCode} trong bộ quy định {ruleSetId}.',
  },
  'zoning.condition.lot_below_minimum': {
    en: 'No rule: the lot of {lotAreaM2} m² is smaller than the minimum lot of {minimumLotAreaM2} m² in zone {zoneCode}.',
    fa: 'ضابطه‌ای نیست: زمین {lotAreaM2} متر مربعی از حداقل تفکیک {minimumLotAreaM2} متر مربع پهنه {zoneCode} کوچک‌تر است.',
    vi: 'Không có quy định: thửa {lotAreaM2} m² nhỏ hơn diện tích tối thiểu {minimumLotAreaM2} m² của khu {zoneCode}.',
  },
  'zoning.condition.no_row_for_lot_area': {
    en: 'No row of zone {zoneCode} covers a lot of {lotAreaM2} m².',
    fa: 'هیچ ردیفی از پهنه {zoneCode} زمین {lotAreaM2} متر مربعی را پوشش نمی‌دهد.',
    vi: 'Không hàng nào của khu {zoneCode} áp dụng cho thửa {lotAreaM2} m².',
  },
  'zoning.condition.street_too_narrow': {
    en: 'No rule: street {streetWidthM} m is narrower than the {requiredM} m zone {zoneCode} needs for a lot of {lotAreaM2} m².',
    fa: 'ضابطه‌ای نیست: عرض معبر {streetWidthM} متر از {requiredM} متر لازم پهنه {zoneCode} برای زمین {lotAreaM2} متر مربعی کمتر است.',
    vi: 'Không có quy định: đường rộng {streetWidthM} m hẹp hơn {requiredM} m mà khu {zoneCode} yêu cầu cho thửa {lotAreaM2} m².',
  },
  'zoning.check.density.ok': {
    en: 'Floor area {actualM2} m² (density {actualPct} %) is within the {limitM2} m² ({limitPct} %) allowed.',
    fa: 'زیربنای {actualM2} متر مربع (تراکم {actualPct}٪) در حد مجاز {limitM2} متر مربع ({limitPct}٪) است.',
    vi: 'Tổng diện tích sàn {actualM2} m² (mật độ {actualPct} %) trong giới hạn {limitM2} m² ({limitPct} %).',
  },
  'zoning.check.density.failed': {
    en: 'Floor area {actualM2} m² (density {actualPct} %) exceeds the {limitM2} m² ({limitPct} %) allowed by {excessM2} m².',
    fa: 'زیربنای {actualM2} متر مربع (تراکم {actualPct}٪) {excessM2} متر مربع بیش از حد مجاز {limitM2} متر مربع ({limitPct}٪) است.',
    vi: 'Tổng diện tích sàn {actualM2} m² (mật độ {actualPct} %) vượt giới hạn {limitM2} m² ({limitPct} %) {excessM2} m².',
  },
  'zoning.check.coverage.ok': {
    en: 'Footprint {actualM2} m² ({actualPct} %) is within the {limitM2} m² ({limitPct} %) allowed.',
    fa: 'سطح اشغال {actualM2} متر مربع ({actualPct}٪) در حد مجاز {limitM2} متر مربع ({limitPct}٪) است.',
    vi: 'Diện tích chiếm đất {actualM2} m² ({actualPct} %) trong giới hạn {limitM2} m² ({limitPct} %).',
  },
  'zoning.check.coverage.failed': {
    en: 'Footprint {actualM2} m² ({actualPct} %) exceeds the {limitM2} m² ({limitPct} %) allowed.',
    fa: 'سطح اشغال {actualM2} متر مربع ({actualPct}٪) از حد مجاز {limitM2} متر مربع ({limitPct}٪) بیشتر است.',
    vi: 'Diện tích chiếm đất {actualM2} m² ({actualPct} %) vượt giới hạn {limitM2} m² ({limitPct} %).',
  },
  'zoning.check.floors.ok': {
    en: '{actual} floors; at most {limit} allowed.',
    fa: '{actual} طبقه؛ حداکثر {limit} طبقه مجاز است.',
    vi: '{actual} tầng; tối đa {limit} tầng.',
  },
  'zoning.check.floors.failed': {
    en: '{actual} floors exceed the {limit} allowed.',
    fa: '{actual} طبقه از حداکثر {limit} طبقه مجاز بیشتر است.',
    vi: '{actual} tầng vượt mức tối đa {limit} tầng.',
  },
  'zoning.check.units.ok': {
    en: '{actual} units; at most {limit} allowed.',
    fa: '{actual} واحد؛ حداکثر {limit} واحد مجاز است.',
    vi: '{actual} căn; tối đa {limit} căn.',
  },
  'zoning.check.units.failed': {
    en: '{actual} units exceed the {limit} allowed.',
    fa: '{actual} واحد از حداکثر {limit} واحد مجاز بیشتر است.',
    vi: '{actual} căn vượt mức tối đa {limit} căn.',
  },
  'zoning.check.open_space.ok': {
    en: 'Open space of {actualM2} m² is enough for {units} units ({limitM2} m² needed, {perUnitM2} m² per unit).',
    fa: 'فضای باز {actualM2} متر مربع برای {units} واحد کافی است (لازم: {limitM2} متر مربع، {perUnitM2} متر مربع برای هر واحد).',
    vi: 'Không gian mở {actualM2} m² đủ cho {units} căn (cần {limitM2} m², {perUnitM2} m² mỗi căn).',
  },
  'zoning.check.open_space.failed': {
    en: 'Open space of {actualM2} m² is not enough for {units} units ({limitM2} m² needed, {perUnitM2} m² per unit).',
    fa: 'فضای باز {actualM2} متر مربع برای {units} واحد کافی نیست (لازم: {limitM2} متر مربع، {perUnitM2} متر مربع برای هر واحد).',
    vi: 'Không gian mở {actualM2} m² không đủ cho {units} căn (cần {limitM2} m², {perUnitM2} m² mỗi căn).',
  },
  'zoning.check.use.ok': {
    en: 'Use {use} is allowed in zone {zoneCode}.',
    fa: 'کاربری {use} در پهنه {zoneCode} مجاز است.',
    vi: 'Mục đích sử dụng {use} được phép trong khu {zoneCode}.',
  },
  'zoning.check.use.failed': {
    en: 'Use {use} is not allowed in zone {zoneCode} (allowed: {allowed}).',
    fa: 'کاربری {use} در پهنه {zoneCode} مجاز نیست (مجاز: {allowed}).',
    vi: 'Mục đích sử dụng {use} không được phép trong khu {zoneCode} (được phép: {allowed}).',
  },
  'zoning.check.street_width.unknown': {
    en: 'The street width is not recorded: the {limit} m this row needs was not checked.',
    fa: 'عرض معبر ثبت نشده است: حداقل {limit} متر لازم این ردیف بررسی نشد.',
    vi: 'Chưa ghi nhận bề rộng đường: mức {limit} m hàng này yêu cầu chưa được kiểm tra.',
  },
  'zoning.check.street_width.ok': {
    en: 'Street {actual} m meets the {limit} m of the applied row.',
    fa: 'عرض معبر {actual} متر حداقل {limit} متر ردیف اعمال‌شده را دارد.',
    vi: 'Đường rộng {actual} m đạt mức {limit} m của hàng được áp dụng.',
  },
} as const satisfies Record<string, Templates>;

export type ZoningMessageKey = keyof typeof MESSAGES;
export type ZoningLocale = keyof Templates;

/** All message keys, so the i18n catalogues can be checked against them. */
export const ZONING_MESSAGE_KEYS = Object.keys(MESSAGES) as ZoningMessageKey[];

// Each template split once into its literal text and {placeholders}: texts, then names, alternating.
const compiled = new Map<string, string[]>();

function partsOf(template: string): string[] {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    compiled.set(template, parts);
  }
  return parts;
}

function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  const parts = partsOf(template);
  let text = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const value = params[parts[i]];
    text += (value === undefined ? `{${parts[i]}}` : String(value)) + parts[i + 1];
  }
  return text;
}

/** Builds a message with its English text. */
export function zoningMessage(
  key: ZoningMessageKey,
  params: Readonly<Record<string, string | number>>,
): ZoningMessage {
  return { key, params, text: fill(MESSAGES[key].en, params) };
}

/** Renders a message in fa, en or vi (falls back to the English text for unknown keys). */
export function renderZoningMessage(message: ZoningMessage, locale: ZoningLocale): string {
  const templates = (MESSAGES as Record<string, Templates>)[message.key];
  return templates ? fill(templates[locale], message.params) : message.text;
}
