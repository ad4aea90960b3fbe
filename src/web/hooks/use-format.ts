import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeGroup } from '../api/codes.js';
import type { Share } from '../api/parcels.js';
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatOrdinalNumber,
  formatPlate,
  isShareInDang,
  localizeDigits,
  type RegistrationPlate,
} from '../format.js';
import { useLanguage } from './use-language.js';

/** The formatting helpers bound to the UI language, plus the labels of the codes the API sends. */
export function useFormat() {
  const language = useLanguage();
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const ordinal = (value: number) => formatOrdinalNumber(value, language);
    return {
      language,
      ordinal,
      number: (value: number) => formatNumber(value, language),
      digits: (text: string) => localizeDigits(text, language),
      area: (squareMetres: number) =>
        t('units.squareMetres', { value: formatNumber(squareMetres, language) }),
      date: (isoDate: string) => formatDate(isoDate, language),
      dateTime: (iso: string) => formatDateTime(iso, language),
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
  }, [language, t, i18n]);
}
