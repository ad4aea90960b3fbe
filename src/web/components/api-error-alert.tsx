import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';

/** Shows an API error in the UI language: the server already wrote its message in the language we asked for. */
export function ApiErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof ApiError ? error.message : t('errors.network');
  return (
    <Alert color="red" variant="light" role="alert" title={t('errors.title')} data-testid="api-error">
      {message}
    </Alert>
  );
}
