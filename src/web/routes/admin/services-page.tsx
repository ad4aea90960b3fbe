import { Anchor, Badge, Button, Group, Switch, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDistricts } from '../../api/admin-districts.js';
import { type AdminService, useAdminServices, useSetServiceDistricts } from '../../api/admin-services.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { LoadingState } from '../../components/loading-state.js';
import { LtrText } from '../../components/ltr-text.js';
import { useFormat } from '../../hooks/use-format.js';

/** The services of the municipality: their versions, and where each is live, switched on district by district. */
export function ServicesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const services = useAdminServices();
  const districts = useDistricts();
  const rollout = useSetServiceDistricts();

  function toggle(service: AdminService, districtId: string, on: boolean) {
    const live = new Set(service.liveDistrictIds);
    if (on) live.add(districtId);
    else live.delete(districtId);
    rollout.mutate({ code: service.code, districtIds: [...live] });
  }

  return (
    <>
      <Group justify="space-between" mb="xs">
        <Title order={2} data-testid="page-title">
          {t('serviceAdmin.title')}
        </Title>
        <Button component={Link} to="/admin/services/new" data-testid="new-service">
          {t('serviceAdmin.new')}
        </Button>
      </Group>
      <Text c="dimmed" size="sm" mb="md">
        {t('serviceAdmin.intro')} {t('serviceAdmin.rolloutHint')}
      </Text>
      {(services.isPending || districts.isPending) && <LoadingState />}
      <ApiErrorAlert error={services.error ?? districts.error ?? rollout.error} />
      {services.data?.length === 0 && <Text c="dimmed">{t('serviceAdmin.empty')}</Text>}
      {services.data && districts.data && services.data.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover data-testid="services-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('serviceAdmin.name')}</Table.Th>
                <Table.Th>{t('serviceAdmin.code')}</Table.Th>
                <Table.Th>{t('serviceAdmin.version')}</Table.Th>
                {districts.data.map((district) => (
                  <Table.Th key={district.id}>{format.district(district.number)}</Table.Th>
                ))}
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {services.data.map((service) => (
                <Table.Tr key={service.code} data-testid="service-row" data-code={service.code}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/services/${service.code}`} fw={600}>
                      {service.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <LtrText>{service.code}</LtrText>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" data-testid="service-version">
                      {format.number(service.version)}
                    </Badge>
                  </Table.Td>
                  {districts.data.map((district) => (
                    <Table.Td key={district.id}>
                      <Switch
                        checked={service.liveDistrictIds.includes(district.id)}
                        onChange={(event) => toggle(service, district.id, event.currentTarget.checked)}
                        disabled={rollout.isPending}
                        aria-label={t('serviceAdmin.districtToggle', {
                          service: service.name,
                          district: format.district(district.number),
                        })}
                        data-testid={`live-${service.code}-${district.number}`}
                      />
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <Button
                      component={Link}
                      to={`/admin/services/${service.code}`}
                      size="compact-sm"
                      variant="subtle"
                    >
                      {t('serviceAdmin.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
