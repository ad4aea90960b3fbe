import { MultiSelect, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DISTRICT_ROLES } from '../../api/codes.js';
import { useDistrictLabels } from './district-names.js';
import { useRoleOptions } from './role-options.js';

interface RolesAndDistrictProps {
  roles: string[];
  districtId: string | null;
  onRolesChange: (roles: string[]) => void;
  onDistrictChange: (districtId: string | null) => void;
  hasError: (field: string) => boolean;
}

export function needsDistrict(roles: string[]): boolean {
  return roles.some((role) => DISTRICT_ROLES.has(role));
}

/** Roles and district of a staff account: district roles (clerk, expert, inspector, manager) need a district. */
export function RolesAndDistrictFields({
  roles,
  districtId,
  onRolesChange,
  onDistrictChange,
  hasError,
}: RolesAndDistrictProps) {
  const { t } = useTranslation();
  const districts = useDistrictLabels();
  const roleOptions = useRoleOptions();
  return (
    <>
      <MultiSelect
        label={t('admin.staff.roles')}
        data={roleOptions}
        value={roles}
        onChange={onRolesChange}
        error={hasError('roles')}
      />
      <Select
        label={t('admin.staff.district')}
        description={t(needsDistrict(roles) ? 'admin.staff.districtNeeded' : 'admin.staff.districtOptional')}
        placeholder={t('admin.wholeCity')}
        data={districts.options}
        value={districtId}
        onChange={onDistrictChange}
        error={hasError('districtId')}
        clearable
      />
    </>
  );
}
