import { describe, expect, it } from 'vitest';
import {
  amountInWords,
  formatCountdown,
  formatDate,
  formatDateTime,
  formatNumber,
  formatOrdinalNumber,
  formatPercent,
  formatPlate,
  formatRials,
  isolateLtr,
  isShareInDang,
  localizeDigits,
  parseTypedNumber,
  toLatinDigits,
} from './format.js';

describe('digits', () => {
  it('reads Persian and Arabic-Indic digits typed on a Persian keyboard', () => {
    expect(toLatinDigits('۰۰۱۲۳۴۵۶۷۹')).toBe('0012345679');
    expect(toLatinDigits('٠٩١٢')).toBe('0912');
    expect(toLatinDigits('09۱2-x')).toBe('0912-x');
  });

  it('shows identifiers in Persian digits only in Persian, without grouping', () => {
    expect(localizeDigits('1367400003', 'fa')).toBe('۱۳۶۷۴۰۰۰۰۳');
    expect(localizeDigits('01-0001-003', 'fa')).toBe('۰۱-۰۰۰۱-۰۰۳');
    expect(localizeDigits('1367400003', 'en')).toBe('1367400003');
    expect(localizeDigits('1367400003', 'vi')).toBe('1367400003');
  });
});

describe('numbers', () => {
  it('uses Persian digits and separators in Persian', () => {
    expect(formatNumber(1526.87, 'fa')).toBe('۱٬۵۲۶٫۸۷');
    expect(formatNumber(1526.87, 'en')).toBe('1,526.87');
    expect(formatNumber(1526.87, 'vi')).toBe('1.526,87');
  });

  it('rounds areas to two decimals', () => {
    expect(formatNumber(12.3456, 'en')).toBe('12.35');
  });

  it('writes label numbers without grouping', () => {
    expect(formatOrdinalNumber(1402, 'fa')).toBe('۱۴۰۲');
    expect(formatOrdinalNumber(1402, 'en')).toBe('1402');
  });
});

describe('dates', () => {
  it('shows calendar dates in the Persian calendar in every language', () => {
    expect(formatDate('2012-11-14', 'fa')).toBe('۲۴ آبان ۱۳۹۱');
    expect(formatDate('2012-11-14', 'en')).toContain('1391');
    expect(formatDate('2012-11-14', 'en')).toContain('Aban 24');
    expect(formatDate('2012-11-14', 'vi')).toContain('1391');
  });

  it('shows Nowruz as 1 Farvardin', () => {
    expect(formatDate('2024-03-20', 'fa')).toBe('۱ فروردین ۱۴۰۳');
  });

  it('shows moments in the Tehran time zone', () => {
    expect(formatDateTime('2024-03-19T21:00:00Z', 'fa')).toContain('۱۴۰۳');
    expect(formatDateTime('2024-03-19T21:00:00Z', 'en')).toContain('12:30');
  });

  it('leaves unreadable dates as they are', () => {
    expect(formatDate('not a date', 'fa')).toBe('not a date');
  });
});

describe('formatPlate', () => {
  it('writes sub/main plates in the language digits', () => {
    expect(formatPlate({ mainPlate: 101, subPlates: [201] }, 'fa')).toBe('۲۰۱/۱۰۱');
    expect(formatPlate({ mainPlate: 101, subPlates: [201, 202] }, 'en')).toBe('201-202/101');
    expect(formatPlate({ mainPlate: 7, subPlates: [] }, 'en')).toBe('7');
  });
});

describe('formatCountdown', () => {
  it('shows minutes and seconds', () => {
    expect(formatCountdown(65, 'fa')).toBe('۱:۰۵');
    expect(formatCountdown(9, 'en')).toBe('0:09');
    expect(formatCountdown(-3, 'en')).toBe('0:00');
  });
});

describe('isShareInDang', () => {
  it('recognises shares counted in sixths', () => {
    expect(isShareInDang({ numerator: 3, denominator: 6 })).toBe(true);
    expect(isShareInDang({ numerator: 1, denominator: 4 })).toBe(false);
  });
});

describe('percentages and money', () => {
  it('writes a 0–100 percentage with the language digits and sign', () => {
    expect(formatPercent(120, 'fa')).toBe('۱۲۰٪');
    expect(formatPercent(12.5, 'en')).toBe('12.5%');
    expect(formatPercent(60, 'vi')).toBe('60%');
  });

  it('writes an amount in Persian words only in Persian', () => {
    expect(amountInWords(17_070_588_000, 'fa')).toBe(
      'هفده میلیارد و هفتاد میلیون و پانصد و هشتاد و هشت هزار',
    );
    expect(amountInWords(600_000_000, 'en')).toBeNull();
    expect(amountInWords(12.5, 'fa')).toBeNull();
  });

  it('writes rials as whole numbers with thousands separators', () => {
    expect(formatRials(12_500_000, 'fa')).toBe('۱۲٬۵۰۰٬۰۰۰');
    expect(formatRials(12_500_000, 'en')).toBe('12,500,000');
    expect(formatRials(12_500_000.4, 'vi')).toBe('12.500.000');
  });
});

describe('typed numbers', () => {
  it('reads Persian digits, separators and decimal sign', () => {
    expect(parseTypedNumber('۱۲٬۵۰۰٫۵')).toBe(12500.5);
    expect(parseTypedNumber(' 4 ')).toBe(4);
    expect(parseTypedNumber('1,200')).toBe(1200);
  });

  it('keeps what is no number for the API to reject, and empty as undefined', () => {
    expect(parseTypedNumber('چهار')).toBe('چهار');
    expect(parseTypedNumber('  ')).toBeUndefined();
  });
});

describe('codes inside sentences', () => {
  it('isolates a code as one left-to-right run', () => {
    expect(isolateLtr('۰۱-۰۰۰۱-۰۰۳')).toBe('\u2066۰۱-۰۰۰۱-۰۰۳\u2069');
  });
});
