import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../api/admin-api-clients.js';
import { useFormat } from '../../hooks/use-format.js';
import { LtrText } from '../ltr-text.js';
import { StatusBadge } from '../status-badge.js';

export type ApiClientAction = 'rotate' | 'revoke' | 'webhook';

interface ApiClientsTableProps {
  clients: ApiClient[];
  onAction: (action: ApiClientAction, client: ApiClient) => void;
}

export function ApiClientsTable({ clients, onAction }: ApiClientsTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover data-testid="api-clients-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('apiClients.name')}</Table.Th>
            <Table.Th>{t('apiClients.clientId')}</Table.Th>
            <Table.Th>{t('apiClients.kind')}</Table.Th>
            <Table.Th>{t('apiClients.scopes')}</Table.Th>
            <Table.Th>{t('apiClients.lastUsed')}</Table.Th>
            <Table.Th>{t('admin.status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {clients.map((client) => (
            <Table.Tr key={client.id}>
              <Table.Td>{client.name}</Table.Td>
              <Table.Td>
                <LtrText>{client.clientId}</LtrText>
              </Table.Td>
              <Table.Td>{format.code('apiClientKinds', client.kind)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {client.scopes.map((scope) => (
                    <Badge key={scope} variant="outline" size="sm">
                      {format.code('scopes', scope)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {client.lastUsedAt ? format.dateTime(client.lastUsedAt) : t('common.never')}
                </Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={client.revokedAt ? 'revoked' : 'active'} />
              </Table.Td>
              <Table.Td>
                {!client.revokedAt && (
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-sm" variant="subtle" onClick={() => onAction('webhook', client)}>
                      {t('webhooks.action')}
                    </Button>
                    <Button size="compact-sm" variant="subtle" onClick={() => onAction('rotate', client)}>
                      {t('apiClients.rotate')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      onClick={() => onAction('revoke', client)}
                    >
                      {t('apiClients.revoke')}
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
