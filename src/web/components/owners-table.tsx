import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParcelOwner } from '../api/parcels.js';
import { useFormat } from '../hooks/use-format.js';
import { LtrText } from './ltr-text.js';

export function OwnersTable({ owners }: { owners: ParcelOwner[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped data-testid="owners-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('owners.name')}</Table.Th>
            <Table.Th>{t('owners.kind')}</Table.Th>
            <Table.Th>{t('owners.nationalId')}</Table.Th>
            <Table.Th>{t('owners.share')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {owners.map((owner) => (
            <Table.Tr key={owner.id}>
              <Table.Td>{owner.name}</Table.Td>
              <Table.Td>{format.code('ownerKinds', owner.kind)}</Table.Td>
              <Table.Td>
                <LtrText>{format.digits(owner.nationalId)}</LtrText>
              </Table.Td>
              <Table.Td>{format.share(owner.share)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
