import { Badge, Button, Group, Menu, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../api/admin-staff.js';
import { useFormat } from '../../hooks/use-format.js';
import { LtrText } from '../ltr-text.js';
import { accountStatusOf, StatusBadge } from '../status-badge.js';
import { useDistrictLabels } from './district-names.js';

export type StaffAction = 'edit' | 'password' | 'unlock';

interface StaffTableProps {
  staff: StaffMember[];
  onAction: (action: StaffAction, member: StaffMember) => void;
}

export function StaffTable({ staff, onAction }: StaffTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const districts = useDistrictLabels();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover data-testid="staff-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.staff.username')}</Table.Th>
            <Table.Th>{t('admin.staff.fullName')}</Table.Th>
            <Table.Th>{t('admin.staff.roles')}</Table.Th>
            <Table.Th>{t('admin.staff.district')}</Table.Th>
            <Table.Th>{t('admin.status')}</Table.Th>
            <Table.Th>{t('admin.staff.lastLogin')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {staff.map((member) => {
            const status = accountStatusOf(member);
            return (
              <Table.Tr key={member.id}>
                <Table.Td>
                  <LtrText>{member.username}</LtrText>
                </Table.Td>
                <Table.Td>{member.fullName}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {member.roles.map((role) => (
                      <Badge key={role} variant="outline" size="sm">
                        {format.code('roles', role)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{districts.labelOfId(member.districtId)}</Table.Td>
                <Table.Td>
                  <StatusBadge status={status} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {member.lastLoginAt ? format.dateTime(member.lastLoginAt) : t('common.never')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <Button size="compact-sm" variant="subtle">
                        {t('common.actions')}
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => onAction('edit', member)}>
                        {t('admin.staff.editShort')}
                      </Menu.Item>
                      <Menu.Item onClick={() => onAction('password', member)}>
                        {t('admin.staff.resetPassword')}
                      </Menu.Item>
                      {status === 'locked' && (
                        <Menu.Item onClick={() => onAction('unlock', member)}>
                          {t('admin.staff.unlock')}
                        </Menu.Item>
                      )}
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
