import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';
import { ApiErrorAlert } from './api-error-alert.js';

export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <Stack align="center" p="xl" gap="md">
      <Title order={2}>{t('errors.pageFailed')}</Title>
      <Text c="dimmed">{t('errors.pageFailedHint')}</Text>
      {error instanceof Error && error.name === 'ApiError' && <ApiErrorAlert error={error} />}
      <Button component={Link} to="/" reloadDocument>
        {t('common.backHome')}
      </Button>
    </Stack>
  );
}
