import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isPayable, useBills } from '../../api/bills.js';
import { useFormat } from '../../hooks/use-format.js';

/** On the cartable: what all the citizen's parcels owe today, and the way to the bills. */
export function DuesSummaryCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const bills = useBills();
  const owed = (bills.data ?? []).filter(isPayable);
  const total = owed.reduce((sum, bill) => sum + (bill.quote?.payableRials ?? 0), 0);
  return (
    <Card withBorder padding="lg" data-testid="dues-summary">
      <Group justify="space-between" align="center">
        <Stack gap={4} style={{ flex: 1, minWidth: 240 }}>
          <Title order={2} size="h4">
            {t('dues.summary.title')}
          </Title>
          {bills.data && (
            <Text size="sm" c={owed.length > 0 ? undefined : 'teal.8'} data-testid="dues-owed">
              {owed.length > 0
                ? t('dues.summary.owed', { amount: format.rials(total), bills: format.ordinal(owed.length) })
                : t('dues.bills.nothingOwed')}
            </Text>
          )}
        </Stack>
        <Group gap="sm">
          <Button component={Link} to="/payments" variant="subtle">
            {t('dues.nav.history')}
          </Button>
          <Button component={Link} to="/cartable/dues" variant="light" data-testid="open-dues">
            {t('dues.summary.open')}
          </Button>
        </Group>
      </Group>
    </Card>
  );
}
