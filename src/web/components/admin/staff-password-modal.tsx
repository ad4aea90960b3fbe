import { PasswordInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type StaffMember, useSetStaffPassword } from '../../api/admin-staff.js';
import { fieldErrorsOf } from '../../hooks/use-field-errors.js';
import { FormModal } from '../form-modal.js';

export function StaffPasswordModal({ member, onClose }: { member: StaffMember; onClose: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const setStaffPassword = useSetStaffPassword(member.id);
  const hasError = fieldErrorsOf(setStaffPassword.error);
  return (
    <FormModal
      title={t('admin.staff.resetPasswordOf', { username: member.username })}
      submitLabel={t('admin.staff.resetPassword')}
      onClose={onClose}
      onSubmit={() => setStaffPassword.mutate(password, { onSuccess: onClose })}
      pending={setStaffPassword.isPending}
      error={setStaffPassword.error}
      canSubmit={password.length > 0}
    >
      <PasswordInput
        label={t('admin.staff.newPassword')}
        description={t('admin.staff.resetPasswordHint')}
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={hasError('password')}
        autoComplete="new-password"
        dir="ltr"
        data-autofocus
      />
    </FormModal>
  );
}
