import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBills } from '../api/bills.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { BillsCheckout } from '../components/dues/bills-checkout.js';
import { LoadingState } from '../components/loading-state.js';

/** The citizen's renewal dues on every parcel they own, by parcel and year, paid together online. */
export function DuesPage() {
  const { t } = useTranslation();
  const bills = useBills();
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/cartable" size="sm">
        {t('parcel.backToCartable')}
      </Anchor>
      <div>
        <Title order={1} data-testid="page-title">
          {t('dues.bills.title')}
        </Title>
        <Text c="dimmed">{t('dues.bills.intro')}</Text>
      </div>
      {bills.isPending && <LoadingState />}
      <ApiErrorAlert error={bills.error} />
      {bills.data?.length === 0 && <Text c="dimmed">{t('dues.bills.none')}</Text>}
      {bills.data && bills.data.length > 0 && <BillsCheckout bills={bills.data} />}
    </Stack>
  );
}
