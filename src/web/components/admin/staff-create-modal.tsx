import { PasswordInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateStaff } from '../../api/admin-staff.js';
import { fieldErrorsOf } from '../../hooks/use-field-errors.js';
import { FormModal } from '../form-modal.js';
import { needsDistrict, RolesAndDistrictFields } from './staff-fields.js';

export function StaffCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [fullName, setFullName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [districtId, setDistrictId] = useState<string | null>(null);
  const create = useCreateStaff();
  const hasError = fieldErrorsOf(create.error);
  const complete = username.trim() && fullName.trim() && password && roles.length > 0;

  return (
    <FormModal
      title={t('admin.staff.add')}
      submitLabel={t('common.add')}
      onClose={onClose}
      onSubmit={() =>
        create.mutate(
          { username: username.trim(), fullName: fullName.trim(), password, roles, districtId },
          { onSuccess: onClose },
        )
      }
      pending={create.isPending}
      error={create.error}
      canSubmit={Boolean(complete) && (!needsDistrict(roles) || districtId !== null)}
    >
      <TextInput
        label={t('admin.staff.username')}
        value={username}
        onChange={(e) => setUsername(e.currentTarget.value)}
        error={hasError('username')}
        dir="ltr"
        data-autofocus
      />
      <TextInput
        label={t('admin.staff.fullName')}
        value={fullName}
        onChange={(e) => setFullName(e.currentTarget.value)}
        error={hasError('fullName')}
      />
      <PasswordInput
        label={t('admin.staff.password')}
        description={t('admin.passwordHint')}
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={hasError('password')}
        autoComplete="new-password"
        dir="ltr"
      />
      <RolesAndDistrictFields
        roles={roles}
        districtId={districtId}
        onRolesChange={setRoles}
        onDistrictChange={setDistrictId}
        hasError={hasError}
      />
    </FormModal>
  );
}
