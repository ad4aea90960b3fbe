import { Button, Group, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type District, useDistricts } from '../../api/admin-districts.js';
import { DistrictFormModal } from '../../components/admin/district-form-modal.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { LoadingState } from '../../components/loading-state.js';
import { useFormat } from '../../hooks/use-format.js';

type Editing = { district: District | null } | null;

export function DistrictsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const districts = useDistricts();
  const [editing, setEditing] = useState<Editing>(null);
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2} data-testid="page-title">
          {t('admin.districts.title')}
        </Title>
        <Button onClick={() => setEditing({ district: null })}>{t('admin.districts.add')}</Button>
      </Group>
      {districts.isPending && <LoadingState />}
      <ApiErrorAlert error={districts.error} />
      {districts.data && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.districts.number')}</Table.Th>
                <Table.Th>{t('admin.nameFa')}</Table.Th>
                <Table.Th>{t('admin.nameEn')}</Table.Th>
                <Table.Th>{t('admin.nameVi')}</Table.Th>
                <Table.Th>{t('admin.counts.parcels')}</Table.Th>
                <Table.Th>{t('admin.counts.staff')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {districts.data.map((district) => (
                <Table.Tr key={district.id}>
                  <Table.Td>{format.ordinal(district.number)}</Table.Td>
                  <Table.Td dir="rtl">{district.nameFa}</Table.Td>
                  <Table.Td dir="ltr">{district.nameEn}</Table.Td>
                  <Table.Td dir="ltr">{district.nameVi}</Table.Td>
                  <Table.Td>{format.number(district.parcelCount)}</Table.Td>
                  <Table.Td>{format.number(district.staffCount)}</Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="subtle" onClick={() => setEditing({ district })}>
                      {t('admin.districts.rename')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <DistrictFormModal district={editing.district} onClose={() => setEditing(null)} />}
    </>
  );
}
