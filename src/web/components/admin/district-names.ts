import { useTranslation } from 'react-i18next';
import { type District, useDistricts } from '../../api/admin-districts.js';
import { useFormat } from '../../hooks/use-format.js';

export function districtNameIn(district: District, language: string): string {
  if (language === 'en') return district.nameEn;
  if (language === 'vi') return district.nameVi;
  return district.nameFa;
}

/** The municipality's districts as select options, and a district's label by id. */
export function useDistrictLabels() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data: districts = [] } = useDistricts();
  const labelOf = (district: District) => {
    const numbered = format.district(district.number);
    const name = districtNameIn(district, format.language);
    return name === numbered ? name : `${numbered} — ${name}`;
  };
  const byId = new Map(districts.map((district) => [district.id, district]));
  return {
    options: districts.map((district) => ({ value: district.id, label: labelOf(district) })),
    labelOfId: (id: string | null) => {
      if (!id) return t('admin.wholeCity');
      const district = byId.get(id);
      return district ? labelOf(district) : '…';
    },
  };
}
