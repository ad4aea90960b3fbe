import { Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StaffFilters as Filters } from '../../api/admin-staff.js';
import { useDistrictLabels } from './district-names.js';
import { useRoleOptions } from './role-options.js';

interface StaffFiltersProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
}

export function StaffFilters({ filters, onChange }: StaffFiltersProps) {
  const { t } = useTranslation();
  const districts = useDistrictLabels();
  const roles = useRoleOptions();
  return (
    <Group align="flex-end" gap="sm">
      <TextInput
        label={t('admin.staff.search')}
        placeholder={t('admin.staff.searchHint')}
        value={filters.q ?? ''}
        onChange={(event) => onChange({ ...filters, q: event.currentTarget.value })}
        w={240}
      />
      <Select
        label={t('admin.staff.role')}
        placeholder={t('admin.staff.anyRole')}
        data={roles}
        value={filters.role ?? null}
        onChange={(role) => onChange({ ...filters, role: role ?? undefined })}
        clearable
        w={200}
      />
      <Select
        label={t('admin.staff.district')}
        placeholder={t('admin.staff.anyDistrict')}
        data={districts.options}
        value={filters.districtId ?? null}
        onChange={(districtId) => onChange({ ...filters, districtId: districtId ?? undefined })}
        clearable
        w={240}
      />
    </Group>
  );
}
