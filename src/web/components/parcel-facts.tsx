import { useTranslation } from 'react-i18next';
import type { Parcel } from '../api/parcels.js';
import { useFormat } from '../hooks/use-format.js';
import type { Fact } from './fact-list.js';
import { LtrText } from './ltr-text.js';
import { ParcelPlate } from './parcel-plate.js';

/** The facts every view of a parcel shows, in the UI language. */
export function useParcelFacts(parcel: Parcel): Fact[] {
  const { t } = useTranslation();
  const format = useFormat();
  return [
    { label: t('parcel.plate'), value: <ParcelPlate plate={parcel.plate} /> },
    {
      label: t('parcel.postalCode'),
      value: parcel.postalCode ? <LtrText>{format.digits(parcel.postalCode)}</LtrText> : t('common.none'),
    },
    { label: t('parcel.landArea'), value: format.area(parcel.landAreaM2) },
    { label: t('parcel.builtArea'), value: format.area(parcel.builtAreaM2) },
    { label: t('parcel.district'), value: format.district(parcel.districtNumber) },
  ];
}
