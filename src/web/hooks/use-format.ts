import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeGroup } from '../api/codes.js';
import type { Share } from '../api/parcels.js';
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatOrdinalNumber,
  formatPercent,
  formatPlate,
  formatRials,
  formatUnixTime,
  isShareInDang,
  localizeDigits,
  type RegistrationPlate,
} from '../format.js';
import { useLanguage } from './use-language.js';
import { useTimeZone } from './use-time-zone.js';

/** The formatting helpers bound to the UI language and the municipality's time zone, plus the labels of the codes the API sends. */
export function useFormat() {
  const language = useLanguage();
  const timeZone = useTimeZone();
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const ordinal = (value: number) => formatOrdinalNumber(value, language);
    const number = (value: number) => formatNumber(value, language);
    return {
      language,
      timeZone,
      ordinal,
      number,
      digits: (text: string) => localizeDigits(text, language),
      area: (squareMetres: number) => t('units.squareMetres', { value: number(squareMetres) }),
      metres: (metres: number) => t('units.metres', { value: number(metres) }),
      /** A percentage on the 0–100 scale (density 120 → «۱۲۰٪»). */
      percent: (pct: number) => formatPercent(pct, language),
      /** A share on the 0–1 scale (0.12 → «۱۲٪»). */
      fraction: (share: number) => formatPercent(share * 100, language, 0),
      rials: (amount: number) => t('units.rials', { value: formatRials(amount, language) }),
      date: (isoDate: string) => formatDate(isoDate, language),
      dateTime: (iso: string) => formatDateTime(iso, language, timeZone),
      unixTime: (seconds: number) => formatUnixTime(seconds, language, timeZone),
      plate: (plate: RegistrationPlate) => formatPlate(plate, language),
      share: (share: Share) =>
        t(isShareInDang(share) ? 'share.dang' : 'share.fraction', {
          numerator: ordinal(share.numerator),
          denominator: ordinal(share.denominator),
        }),
      district: (districtNumber: number) => t('district.numbered', { number: ordinal(districtNumber) }),
      code: (group: CodeGroup, code: string): string => {
        const label: unknown = i18n.getResource(language, 'translation', `${group}.${code}`);
        return typeof label === 'string' ? label : code;
      },
    };
  }, [language, timeZone, t, i18n]);
}
