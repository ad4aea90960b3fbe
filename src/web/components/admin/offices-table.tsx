import { Button, Group, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Office } from '../../api/admin-offices.js';
import { useFormat } from '../../hooks/use-format.js';
import { LtrText } from '../ltr-text.js';
import { StatusBadge } from '../status-badge.js';
import { useDistrictLabels } from './district-names.js';

export type OfficeAction = 'operators' | 'toggleActive';

export function OfficesTable({
  offices,
  onAction,
}: {
  offices: Office[];
  onAction: (action: OfficeAction, office: Office) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const districts = useDistrictLabels();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover data-testid="offices-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.offices.name')}</Table.Th>
            <Table.Th>{t('admin.offices.kind')}</Table.Th>
            <Table.Th>{t('admin.offices.licenseNo')}</Table.Th>
            <Table.Th>{t('admin.offices.district')}</Table.Th>
            <Table.Th>{t('admin.offices.operators')}</Table.Th>
            <Table.Th>{t('admin.status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {offices.map((office) => (
            <Table.Tr key={office.id}>
              <Table.Td>{office.name}</Table.Td>
              <Table.Td>{format.code('officeKinds', office.kind)}</Table.Td>
              <Table.Td>
                <LtrText>{office.licenseNo}</LtrText>
              </Table.Td>
              <Table.Td>{districts.labelOfId(office.districtId)}</Table.Td>
              <Table.Td>{format.number(office.operatorCount)}</Table.Td>
              <Table.Td>
                <StatusBadge status={office.isActive ? 'active' : 'inactive'} />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button size="compact-sm" variant="subtle" onClick={() => onAction('operators', office)}>
                    {t('admin.offices.operators')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color={office.isActive ? 'red' : 'teal'}
                    onClick={() => onAction('toggleActive', office)}
                  >
                    {t(office.isActive ? 'admin.offices.deactivate' : 'admin.offices.activate')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
