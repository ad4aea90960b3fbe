import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Modal,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../api/admin-api-clients.js';
import {
  useClientDeliveries,
  useClientWebhook,
  useRedeliver,
  useSaveWebhook,
  useSetWebhookEnabled,
  type WebhookDelivery,
} from '../../api/admin-webhooks.js';
import { useFormat } from '../../hooks/use-format.js';
import { ApiErrorAlert } from '../api-error-alert.js';
import { LoadingState } from '../loading-state.js';
import { LtrText } from '../ltr-text.js';

const STATUS_COLORS: Record<WebhookDelivery['status'], string> = {
  pending: 'orange',
  delivered: 'teal',
  failed: 'red',
};

/** An API client's webhook: its callback URL, pause/resume, and its latest deliveries (admin). */
export function WebhookModal({ client, onClose }: { client: ApiClient; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const endpoint = useClientWebhook(client.id);
  const deliveries = useClientDeliveries(client.id);
  const save = useSaveWebhook(client.id);
  const setEnabled = useSetWebhookEnabled(client.id);
  const redeliver = useRedeliver(client.id);
  const [url, setUrl] = useState<string | null>(null);
  const shownUrl = url ?? endpoint.data?.url ?? '';

  return (
    <Modal opened onClose={onClose} title={t('webhooks.title', { name: client.name })} size="xl" centered>
      <Stack>
        <Text c="dimmed" size="sm">
          {t('webhooks.intro')}
        </Text>
        {endpoint.isPending && <LoadingState />}
        <ApiErrorAlert error={endpoint.error ?? save.error ?? setEnabled.error ?? redeliver.error} />
        {endpoint.data === null && <Text data-testid="webhook-none">{t('webhooks.none')}</Text>}
        <Group align="flex-end">
          <TextInput
            label={t('webhooks.url')}
            placeholder="https://bank.example/shahrvand/hooks"
            dir="ltr"
            style={{ flex: 1 }}
            value={shownUrl}
            onChange={(event) => setUrl(event.currentTarget.value)}
            data-testid="webhook-url"
          />
          <Button onClick={() => save.mutate(shownUrl)} loading={save.isPending} disabled={!shownUrl}>
            {t('common.save')}
          </Button>
        </Group>
        {save.data?.secret && (
          <Alert color="orange" variant="light" title={t('webhooks.secretTitle')}>
            <Stack gap="xs">
              <Text size="sm">{t('webhooks.secretWarning')}</Text>
              <Code block dir="ltr" data-testid="webhook-secret" style={{ wordBreak: 'break-all' }}>
                {save.data.secret}
              </Code>
            </Stack>
          </Alert>
        )}
        {endpoint.data && (
          <Group justify="space-between">
            <Switch
              label={t('webhooks.enabled')}
              checked={endpoint.data.enabled}
              disabled={setEnabled.isPending}
              onChange={(event) => setEnabled.mutate(event.currentTarget.checked)}
            />
            <Text size="sm" c="dimmed">
              {t('webhooks.secretVersion', { version: format.number(endpoint.data.secretVersion) })}
            </Text>
          </Group>
        )}
        <Text fw={600}>{t('webhooks.recent')}</Text>
        {deliveries.data?.length === 0 && <Text c="dimmed">{t('webhooks.noDeliveries')}</Text>}
        {deliveries.data && deliveries.data.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="webhook-deliveries">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('webhooks.created')}</Table.Th>
                  <Table.Th>{t('webhooks.type')}</Table.Th>
                  <Table.Th>{t('admin.status')}</Table.Th>
                  <Table.Th>{t('webhooks.attempts')}</Table.Th>
                  <Table.Th>{t('webhooks.lastAnswer')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {deliveries.data.map((delivery) => (
                  <Table.Tr key={delivery.id}>
                    <Table.Td>{format.dateTime(delivery.createdAt)}</Table.Td>
                    <Table.Td>
                      <LtrText>{delivery.type}</LtrText>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLORS[delivery.status]} variant="light">
                        {t(`webhooks.status.${delivery.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{format.number(delivery.attempts)}</Table.Td>
                    <Table.Td>
                      <LtrText>
                        {delivery.lastError ??
                          (delivery.lastStatus === null ? '—' : `HTTP ${delivery.lastStatus}`)}
                      </LtrText>
                    </Table.Td>
                    <Table.Td>
                      {delivery.status !== 'pending' && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          disabled={!endpoint.data?.enabled}
                          onClick={() => redeliver.mutate(delivery.id)}
                        >
                          {t('webhooks.redeliver')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Modal>
  );
}
