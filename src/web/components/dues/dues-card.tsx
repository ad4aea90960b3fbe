import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBills } from '../../api/bills.js';
import { ApiErrorAlert } from '../api-error-alert.js';
import { LoadingState } from '../loading-state.js';
import { BillsCheckout } from './bills-checkout.js';

/** «Renewal dues» on a parcel's page: its bills by year, what each costs today, and paying them online. */
export function ParcelDuesCard({ parcelId }: { parcelId: string }) {
  const { t } = useTranslation();
  const bills = useBills({ parcelId });
  return (
    <Card withBorder padding="lg" data-testid="parcel-dues">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h3">
              {t('dues.bills.title')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('dues.bills.intro')}
            </Text>
          </div>
          <Anchor component={Link} to="/payments" size="sm">
            {t('dues.nav.history')}
          </Anchor>
        </Group>
        {bills.isPending && <LoadingState />}
        <ApiErrorAlert error={bills.error} />
        {bills.data?.length === 0 && <Text c="dimmed">{t('dues.bills.none')}</Text>}
        {bills.data && bills.data.length > 0 && <BillsCheckout bills={bills.data} />}
      </Stack>
    </Card>
  );
}
