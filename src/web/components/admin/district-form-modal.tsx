import { NumberInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type District, useCreateDistrict, useRenameDistrict } from '../../api/admin-districts.js';
import { fieldErrorsOf } from '../../hooks/use-field-errors.js';
import { FormModal } from '../form-modal.js';

const MAX_DISTRICT_NUMBER = 99;

/** Adds a district (with its number) or renames one (its number stays). */
export function DistrictFormModal({ district, onClose }: { district: District | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState<string | number>(district?.number ?? '');
  const [nameFa, setNameFa] = useState(district?.nameFa ?? '');
  const [nameEn, setNameEn] = useState(district?.nameEn ?? '');
  const [nameVi, setNameVi] = useState(district?.nameVi ?? '');
  const create = useCreateDistrict();
  const rename = useRenameDistrict(district?.id ?? '');
  const save = district ? rename : create;
  const hasError = fieldErrorsOf(save.error);
  const names = { nameFa: nameFa.trim(), nameEn: nameEn.trim(), nameVi: nameVi.trim() };

  function submit() {
    if (district) rename.mutate(names, { onSuccess: onClose });
    else create.mutate({ ...names, number: Number(number) }, { onSuccess: onClose });
  }

  return (
    <FormModal
      title={t(district ? 'admin.districts.rename' : 'admin.districts.add')}
      submitLabel={t(district ? 'common.save' : 'common.add')}
      onClose={onClose}
      onSubmit={submit}
      pending={save.isPending}
      error={save.error}
      canSubmit={Boolean(names.nameFa && names.nameEn && names.nameVi && (district || number !== ''))}
    >
      {!district && (
        <NumberInput
          label={t('admin.districts.number')}
          value={number}
          onChange={setNumber}
          min={1}
          max={MAX_DISTRICT_NUMBER}
          allowDecimal={false}
          error={hasError('number')}
          data-autofocus
        />
      )}
      <TextInput
        label={t('admin.nameFa')}
        value={nameFa}
        onChange={(e) => setNameFa(e.currentTarget.value)}
        error={hasError('nameFa')}
        dir="rtl"
      />
      <TextInput
        label={t('admin.nameEn')}
        value={nameEn}
        onChange={(e) => setNameEn(e.currentTarget.value)}
        error={hasError('nameEn')}
        dir="ltr"
      />
      <TextInput
        label={t('admin.nameVi')}
        value={nameVi}
        onChange={(e) => setNameVi(e.currentTarget.value)}
        error={hasError('nameVi')}
        dir="ltr"
      />
    </FormModal>
  );
}
