import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMunicipality } from '../../api/admin-municipality.js';
import { MunicipalityCounts } from '../../components/admin/municipality-counts.js';
import { MunicipalityForm } from '../../components/admin/municipality-form.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { LoadingState } from '../../components/loading-state.js';

export function MunicipalityPage() {
  const { t } = useTranslation();
  const municipality = useMunicipality();
  if (municipality.isPending) return <LoadingState />;
  if (municipality.error) return <ApiErrorAlert error={municipality.error} />;
  const overview = municipality.data;
  return (
    <Stack gap="lg">
      <Title order={2} data-testid="page-title">
        {t('admin.municipality.title')}
      </Title>
      <MunicipalityCounts counts={overview.counts} />
      <MunicipalityForm key={overview.id} municipality={overview} />
    </Stack>
  );
}
