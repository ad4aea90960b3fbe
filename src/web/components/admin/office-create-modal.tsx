import { Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateOffice } from '../../api/admin-offices.js';
import { OFFICE_KINDS } from '../../api/codes.js';
import { fieldErrorsOf } from '../../hooks/use-field-errors.js';
import { useFormat } from '../../hooks/use-format.js';
import { FormModal } from '../form-modal.js';
import { useDistrictLabels } from './district-names.js';

export function OfficeCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const districts = useDistrictLabels();
  const [kind, setKind] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [licenseNo, setLicenseNo] = useState('');
  const [districtId, setDistrictId] = useState<string | null>(null);
  const create = useCreateOffice();
  const hasError = fieldErrorsOf(create.error);

  return (
    <FormModal
      title={t('admin.offices.add')}
      submitLabel={t('common.add')}
      onClose={onClose}
      onSubmit={() =>
        kind &&
        create.mutate(
          { kind, name: name.trim(), licenseNo: licenseNo.trim(), districtId },
          { onSuccess: onClose },
        )
      }
      pending={create.isPending}
      error={create.error}
      canSubmit={Boolean(kind && name.trim() && licenseNo.trim())}
    >
      <Select
        label={t('admin.offices.kind')}
        data={OFFICE_KINDS.map((code) => ({ value: code, label: format.code('officeKinds', code) }))}
        value={kind}
        onChange={setKind}
        error={hasError('kind')}
        data-autofocus
      />
      <TextInput
        label={t('admin.offices.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={hasError('name')}
      />
      <TextInput
        label={t('admin.offices.licenseNo')}
        value={licenseNo}
        onChange={(e) => setLicenseNo(e.currentTarget.value)}
        error={hasError('licenseNo')}
        dir="ltr"
      />
      <Select
        label={t('admin.offices.district')}
        placeholder={t('admin.wholeCity')}
        data={districts.options}
        value={districtId}
        onChange={setDistrictId}
        error={hasError('districtId')}
        clearable
      />
    </FormModal>
  );
}
