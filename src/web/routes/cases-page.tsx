import { Button, EmptyState, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCases } from '../api/cases.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { CasesTable } from '../components/cases/cases-table.js';
import { LoadingState } from '../components/loading-state.js';

/** «My requests»: the citizen's cases, filed by them or by an office for them. */
export function CasesPage() {
  const { t } = useTranslation();
  const cases = useCases();
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} data-testid="page-title">
          {t('cases.title')}
        </Title>
        <Text c="dimmed">{t('cartable.requestsHint')}</Text>
      </div>
      {cases.isPending && <LoadingState />}
      <ApiErrorAlert error={cases.error} />
      {cases.data?.length === 0 && (
        <EmptyState title={t('cases.empty')} description={t('cases.emptyHint')} data-testid="cases-empty">
          <Button component={Link} to="/cartable" variant="light" mt="sm">
            {t('cases.toCartable')}
          </Button>
        </EmptyState>
      )}
      {cases.data && cases.data.length > 0 && <CasesTable cases={cases.data} />}
    </Stack>
  );
}
