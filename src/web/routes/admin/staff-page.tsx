import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type StaffFilters as Filters,
  type StaffMember,
  useStaff,
  useUnlockStaff,
} from '../../api/admin-staff.js';
import { StaffCreateModal } from '../../components/admin/staff-create-modal.js';
import { StaffEditModal } from '../../components/admin/staff-edit-modal.js';
import { StaffFilters } from '../../components/admin/staff-filters.js';
import { StaffPasswordModal } from '../../components/admin/staff-password-modal.js';
import { type StaffAction, StaffTable } from '../../components/admin/staff-table.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { LoadingState } from '../../components/loading-state.js';

const SEARCH_DELAY_MS = 300;

type OpenModal = { kind: 'create' } | { kind: 'edit' | 'password'; member: StaffMember } | null;

export function StaffPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({});
  const [debouncedFilters] = useDebouncedValue(filters, SEARCH_DELAY_MS);
  const staff = useStaff({ ...debouncedFilters, q: debouncedFilters.q?.trim() });
  const unlock = useUnlockStaff();
  const [modal, setModal] = useState<OpenModal>(null);

  function act(action: StaffAction, member: StaffMember) {
    if (action === 'unlock') unlock.mutate(member.id);
    else setModal({ kind: action, member });
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} data-testid="page-title">
          {t('admin.staff.title')}
        </Title>
        <Button onClick={() => setModal({ kind: 'create' })}>{t('admin.staff.add')}</Button>
      </Group>
      <StaffFilters filters={filters} onChange={setFilters} />
      <ApiErrorAlert error={staff.error ?? unlock.error} />
      {staff.isPending && <LoadingState />}
      {staff.data?.length === 0 && <Text c="dimmed">{t('admin.staff.none')}</Text>}
      {staff.data && staff.data.length > 0 && <StaffTable staff={staff.data} onAction={act} />}
      {modal?.kind === 'create' && <StaffCreateModal onClose={() => setModal(null)} />}
      {modal?.kind === 'edit' && <StaffEditModal member={modal.member} onClose={() => setModal(null)} />}
      {modal?.kind === 'password' && (
        <StaffPasswordModal member={modal.member} onClose={() => setModal(null)} />
      )}
    </Stack>
  );
}
