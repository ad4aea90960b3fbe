import { Divider, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Office, useOperators } from '../../api/admin-offices.js';
import { useFormat } from '../../hooks/use-format.js';
import { ApiErrorAlert } from '../api-error-alert.js';
import { LoadingState } from '../loading-state.js';
import { LtrText } from '../ltr-text.js';
import { accountStatusOf, StatusBadge } from '../status-badge.js';
import { OperatorCreateForm } from './operator-create-form.js';

export function OfficeOperatorsModal({ office, onClose }: { office: Office; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const operators = useOperators(office.id);
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('admin.operators.title', { office: office.name })}
      size="lg"
      centered
    >
      <Stack>
        {operators.isPending && <LoadingState />}
        <ApiErrorAlert error={operators.error} />
        {operators.data?.length === 0 && <Text c="dimmed">{t('admin.operators.none')}</Text>}
        {operators.data && operators.data.length > 0 && (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.staff.username')}</Table.Th>
                <Table.Th>{t('admin.staff.fullName')}</Table.Th>
                <Table.Th>{t('admin.status')}</Table.Th>
                <Table.Th>{t('admin.staff.lastLogin')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {operators.data.map((operator) => (
                <Table.Tr key={operator.id}>
                  <Table.Td>
                    <LtrText>{operator.username}</LtrText>
                  </Table.Td>
                  <Table.Td>{operator.fullName}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={accountStatusOf(operator)} />
                  </Table.Td>
                  <Table.Td>
                    {operator.lastLoginAt ? format.dateTime(operator.lastLoginAt) : t('common.never')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Divider />
        <OperatorCreateForm officeId={office.id} />
      </Stack>
    </Modal>
  );
}
