/**
 * Numbers as Intl.NumberFormat prints them, without going through Intl for the common case: a point lookup prints
 * a dozen numbers, and each Intl call costs about a microsecond. ICU rounds the shortest decimal that reads back
 * as the double (what String(x) gives), half away from zero, so that is what is rounded here; anything this
 * does not handle (negative numbers, exponents, NaN, infinities) goes to Intl itself.
 */

export interface DecimalStyle {
  /** Maximum fraction digits. */
  fractionDigits: number;
  /** Thousands separator, or '' for none. */
  group: string;
  decimal: string;
  /** The ten digit characters, 0 to 9. */
  digits: string;
}

/** The digits of a non-negative decimal string rounded to `places` fraction digits, trailing zeros dropped. */
function roundDecimal(text: string, places: number): { whole: string; fraction: string } {
  const dot = text.indexOf('.');
  let whole = dot < 0 ? text : text.slice(0, dot);
  let fraction = dot < 0 ? '' : text.slice(dot + 1);
  if (fraction.length > places) {
    const roundUp = fraction.charCodeAt(places) >= 53; // '5'
    fraction = fraction.slice(0, places);
    if (roundUp) {
      const digits = (whole + fraction).split('');
      let i = digits.length - 1;
      for (; i >= 0; i--) {
        if (digits[i] === '9') digits[i] = '0';
        else {
          digits[i] = String.fromCharCode(digits[i].charCodeAt(0) + 1);
          break;
        }
      }
      const joined = (i < 0 ? '1' : '') + digits.join('');
      whole = joined.slice(0, joined.length - fraction.length);
      fraction = joined.slice(joined.length - fraction.length);
    }
  }
  let end = fraction.length;
  while (end > 0 && fraction.charCodeAt(end - 1) === 48) end--;
  return { whole, fraction: fraction.slice(0, end) };
}

function mapDigits(text: string, digits: string): string {
  if (digits === '0123456789') return text;
  let out = '';
  for (let i = 0; i < text.length; i++) out += digits[text.charCodeAt(i) - 48];
  return out;
}

function groupThousands(whole: string, separator: string): string {
  if (!separator || whole.length <= 3) return whole;
  let out = whole.slice(0, whole.length % 3 || 3);
  for (let i = out.length; i < whole.length; i += 3) out += separator + whole.slice(i, i + 3);
  return out;
}

/** A formatter equal to `intl.format(value)` for every number; `style` must describe what `intl` prints. */
export function decimalFormatter(intl: Intl.NumberFormat, style: DecimalStyle): (value: number) => string {
  return (value: number): string => {
    if (!(value >= 0) || value === Number.POSITIVE_INFINITY || Object.is(value, -0))
      return intl.format(value);
    const text = String(value);
    if (text.includes('e')) return intl.format(value);
    const { whole, fraction } = roundDecimal(text, style.fractionDigits);
    const grouped = groupThousands(mapDigits(whole, style.digits), style.group);
    return fraction ? `${grouped}${style.decimal}${mapDigits(fraction, style.digits)}` : grouped;
  };
}

export const LATIN_DIGITS = '0123456789';
export const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
