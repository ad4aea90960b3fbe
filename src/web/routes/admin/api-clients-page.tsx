import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ApiClient,
  type ApiClientWithSecret,
  useApiClients,
  useRevokeApiClient,
  useRotateApiClientSecret,
} from '../../api/admin-api-clients.js';
import { ApiClientCreateModal } from '../../components/admin/api-client-create-modal.js';
import { type ApiClientAction, ApiClientsTable } from '../../components/admin/api-clients-table.js';
import { WebhookModal } from '../../components/admin/webhook-modal.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { ConfirmModal } from '../../components/confirm-modal.js';
import { LoadingState } from '../../components/loading-state.js';
import { SecretModal } from '../../components/secret-modal.js';

type OpenModal =
  | { kind: 'create' }
  | { kind: ApiClientAction; client: ApiClient }
  | { kind: 'secret'; created: ApiClientWithSecret }
  | null;

export function ApiClientsPage() {
  const { t } = useTranslation();
  const clients = useApiClients();
  const rotate = useRotateApiClientSecret();
  const revoke = useRevokeApiClient();
  const [modal, setModal] = useState<OpenModal>(null);
  const showSecret = (created: ApiClientWithSecret) => setModal({ kind: 'secret', created });
  const close = () => {
    rotate.reset();
    revoke.reset();
    setModal(null);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} data-testid="page-title">
          {t('apiClients.title')}
        </Title>
        <Button onClick={() => setModal({ kind: 'create' })}>{t('apiClients.add')}</Button>
      </Group>
      <Text c="dimmed" size="sm">
        {t('apiClients.intro')}
      </Text>
      {clients.isPending && <LoadingState />}
      <ApiErrorAlert error={clients.error} />
      {clients.data?.length === 0 && <Text c="dimmed">{t('apiClients.none')}</Text>}
      {clients.data && clients.data.length > 0 && (
        <ApiClientsTable clients={clients.data} onAction={(kind, client) => setModal({ kind, client })} />
      )}
      {modal?.kind === 'create' && <ApiClientCreateModal onClose={close} onCreated={showSecret} />}
      {modal?.kind === 'secret' && (
        <SecretModal
          clientId={modal.created.client.clientId}
          secret={modal.created.clientSecret}
          onClose={close}
        />
      )}
      {modal?.kind === 'webhook' && <WebhookModal client={modal.client} onClose={close} />}
      {modal?.kind === 'rotate' && (
        <ConfirmModal
          title={t('apiClients.rotate')}
          message={t('apiClients.rotateConfirm', { name: modal.client.name })}
          confirmLabel={t('apiClients.rotate')}
          onConfirm={() => rotate.mutate(modal.client.id, { onSuccess: showSecret })}
          onClose={close}
          pending={rotate.isPending}
          error={rotate.error}
        />
      )}
      {modal?.kind === 'revoke' && (
        <ConfirmModal
          title={t('apiClients.revoke')}
          message={t('apiClients.revokeConfirm', { name: modal.client.name })}
          confirmLabel={t('apiClients.revoke')}
          onConfirm={() => revoke.mutate(modal.client.id, { onSuccess: close })}
          onClose={close}
          pending={revoke.isPending}
          error={revoke.error}
          danger
        />
      )}
    </Stack>
  );
}
