import { Badge, Button, Card, EmptyState, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyParcels } from '../api/parcels.js';
import { useMe } from '../api/session.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { DuesSummaryCard } from '../components/dues/dues-summary-card.js';
import { MyInquiriesCard } from '../components/inquiries/my-inquiries-card.js';
import { LoadingState } from '../components/loading-state.js';
import { ParcelCard } from '../components/parcel-card.js';
import { useFormat } from '../hooks/use-format.js';

export function CartablePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data: me } = useMe();
  const parcels = useMyParcels();

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} data-testid="page-title">
          {t('cartable.title')}
        </Title>
        <Text c="dimmed" data-testid="greeting">
          {t('cartable.greeting', { name: me?.name ?? '' })}
        </Text>
      </div>
      <Card withBorder padding="lg" data-testid="my-requests">
        <Group justify="space-between" align="center">
          <Stack gap={4} style={{ flex: 1, minWidth: 240 }}>
            <Title order={2} size="h4">
              {t('cartable.requestsTitle')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('cartable.requestsHint')}
            </Text>
          </Stack>
          <Button component={Link} to="/cases" variant="light">
            {t('cartable.openRequests')}
          </Button>
        </Group>
      </Card>
      <DuesSummaryCard />
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('cartable.parcels')}
        </Title>
        {parcels.data && parcels.data.length > 0 && (
          <Badge size="lg" variant="light" data-testid="parcel-count">
            {t('cartable.parcelCount', { formatted: format.number(parcels.data.length) })}
          </Badge>
        )}
      </Group>
      {parcels.isPending && <LoadingState />}
      <ApiErrorAlert error={parcels.error} />
      {parcels.data?.length === 0 && (
        <EmptyState
          title={t('cartable.emptyTitle')}
          description={t('cartable.emptyHint')}
          data-testid="parcels-empty"
        />
      )}
      {parcels.data && parcels.data.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="parcels">
          {parcels.data.map((parcel) => (
            <ParcelCard key={parcel.id} parcel={parcel} />
          ))}
        </SimpleGrid>
      )}
      <MyInquiriesCard />
    </Stack>
  );
}
