import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useInquiriesAboutMine } from '../../api/inquiries.js';
import { ApiErrorAlert } from '../api-error-alert.js';
import { LoadingState } from '../loading-state.js';
import { InquiriesTable } from './inquiries-table.js';

/** In the cartable: what banks, notaries and utilities asked the municipality about the citizen's parcels. */
export function MyInquiriesCard() {
  const { t } = useTranslation();
  const inquiries = useInquiriesAboutMine();
  return (
    <Card withBorder padding="lg" data-testid="my-inquiries">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4">
            {t('inquiries.mine.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('inquiries.mine.intro')}
          </Text>
        </div>
        {inquiries.isPending && <LoadingState />}
        <ApiErrorAlert error={inquiries.error} />
        {inquiries.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('inquiries.mine.empty')}
          </Text>
        )}
        {inquiries.data && inquiries.data.length > 0 && (
          <InquiriesTable inquiries={inquiries.data} showRequester />
        )}
      </Stack>
    </Card>
  );
}
