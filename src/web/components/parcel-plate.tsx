import { useTranslation } from 'react-i18next';
import type { Parcel } from '../api/parcels.js';
import { useFormat } from '../hooks/use-format.js';
import { LtrText } from './ltr-text.js';

/** The registration plate as sub/main (farʿi/asli), its registration section and unit. */
export function ParcelPlate({ plate }: { plate: Parcel['plate'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <LtrText>{format.plate(plate)}</LtrText>{' '}
      {t('plate.section', { number: format.ordinal(plate.registrationSection) })}
      {plate.unitNo !== null && <> {t('plate.unit', { number: format.ordinal(plate.unitNo) })}</>}
    </>
  );
}
