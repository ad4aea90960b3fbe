import { Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type StaffMember, useUpdateStaff } from '../../api/admin-staff.js';
import { fieldErrorsOf } from '../../hooks/use-field-errors.js';
import { FormModal } from '../form-modal.js';
import { needsDistrict, RolesAndDistrictFields } from './staff-fields.js';

export function StaffEditModal({ member, onClose }: { member: StaffMember; onClose: () => void }) {
  const { t } = useTranslation();
  const [fullName, setFullName] = useState(member.fullName);
  const [roles, setRoles] = useState<string[]>(member.roles);
  const [districtId, setDistrictId] = useState<string | null>(member.districtId);
  const [isActive, setIsActive] = useState(member.isActive);
  const update = useUpdateStaff(member.id);
  const hasError = fieldErrorsOf(update.error);

  return (
    <FormModal
      title={t('admin.staff.edit', { username: member.username })}
      submitLabel={t('common.save')}
      onClose={onClose}
      onSubmit={() =>
        update.mutate({ fullName: fullName.trim(), roles, districtId, isActive }, { onSuccess: onClose })
      }
      pending={update.isPending}
      error={update.error}
      canSubmit={
        Boolean(fullName.trim()) && roles.length > 0 && (!needsDistrict(roles) || districtId !== null)
      }
    >
      <TextInput
        label={t('admin.staff.fullName')}
        value={fullName}
        onChange={(e) => setFullName(e.currentTarget.value)}
        error={hasError('fullName')}
        data-autofocus
      />
      <RolesAndDistrictFields
        roles={roles}
        districtId={districtId}
        onRolesChange={setRoles}
        onDistrictChange={setDistrictId}
        hasError={hasError}
      />
      <Switch
        label={t('admin.staff.active')}
        description={t('admin.staff.activeHint')}
        checked={isActive}
        onChange={(event) => setIsActive(event.currentTarget.checked)}
      />
    </FormModal>
  );
}
