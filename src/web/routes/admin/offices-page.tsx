import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Office, useOffices, useUpdateOffice } from '../../api/admin-offices.js';
import { OfficeCreateModal } from '../../components/admin/office-create-modal.js';
import { OfficeOperatorsModal } from '../../components/admin/office-operators-modal.js';
import { type OfficeAction, OfficesTable } from '../../components/admin/offices-table.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { ConfirmModal } from '../../components/confirm-modal.js';
import { LoadingState } from '../../components/loading-state.js';

type OpenModal = { kind: 'create' } | { kind: OfficeAction; office: Office } | null;

export function OfficesPage() {
  const { t } = useTranslation();
  const offices = useOffices();
  const update = useUpdateOffice();
  const [modal, setModal] = useState<OpenModal>(null);
  const close = () => {
    update.reset();
    setModal(null);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} data-testid="page-title">
          {t('admin.offices.title')}
        </Title>
        <Button onClick={() => setModal({ kind: 'create' })}>{t('admin.offices.add')}</Button>
      </Group>
      {offices.isPending && <LoadingState />}
      <ApiErrorAlert error={offices.error} />
      {offices.data?.length === 0 && <Text c="dimmed">{t('admin.offices.none')}</Text>}
      {offices.data && offices.data.length > 0 && (
        <OfficesTable offices={offices.data} onAction={(kind, office) => setModal({ kind, office })} />
      )}
      {modal?.kind === 'create' && <OfficeCreateModal onClose={close} />}
      {modal?.kind === 'operators' && <OfficeOperatorsModal office={modal.office} onClose={close} />}
      {modal?.kind === 'toggleActive' && (
        <ConfirmModal
          title={t(modal.office.isActive ? 'admin.offices.deactivate' : 'admin.offices.activate')}
          message={t(
            modal.office.isActive ? 'admin.offices.deactivateConfirm' : 'admin.offices.activateConfirm',
            {
              office: modal.office.name,
            },
          )}
          confirmLabel={t(modal.office.isActive ? 'admin.offices.deactivate' : 'admin.offices.activate')}
          danger={modal.office.isActive}
          onConfirm={() =>
            update.mutate({ id: modal.office.id, isActive: !modal.office.isActive }, { onSuccess: close })
          }
          onClose={close}
          pending={update.isPending}
          error={update.error}
        />
      )}
    </Stack>
  );
}
