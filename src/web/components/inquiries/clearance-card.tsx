import { Alert, Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.js';
import { type OwedItem, useRequestClearance } from '../../api/inquiries.js';
import { useFormat } from '../../hooks/use-format.js';
import { ApiErrorAlert } from '../api-error-alert.js';
import { LtrText } from '../ltr-text.js';
import { CertificateCard } from './certificate-card.js';

function owedItemsOf(error: unknown): OwedItem[] | null {
  if (!(error instanceof ApiError) || error.code !== 'parcel_owes') return null;
  const items = error.details.items;
  return Array.isArray(items) ? (items as OwedItem[]) : [];
}

/** What stands between the owner and a clearance certificate: each bill owed today, and where to pay it. */
function OwedItems({ items }: { items: OwedItem[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = items.reduce((sum, item) => sum + Number(item.payableRials), 0);
  return (
    <Alert
      color="orange"
      variant="light"
      title={t('inquiries.clearance.owesTitle')}
      data-testid="clearance-owes"
    >
      <Stack gap="sm">
        <Text size="sm">{t('inquiries.clearance.owesHint')}</Text>
        <Table verticalSpacing={4} data-testid="owed-items">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('inquiries.clearance.billId')}</Table.Th>
              <Table.Th>{t('inquiries.clearance.year')}</Table.Th>
              <Table.Th>{t('inquiries.clearance.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.billRecordId} data-testid="owed-item" data-bill-id={item.billId ?? ''}>
                <Table.Td>
                  <LtrText>{item.billId ? format.digits(item.billId) : t('cases.none')}</LtrText>
                </Table.Td>
                <Table.Td>{item.year === null ? t('cases.none') : format.ordinal(item.year)}</Table.Td>
                <Table.Td data-amount={item.payableRials}>{format.rials(Number(item.payableRials))}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="space-between">
          <Text fw={700} data-testid="owed-total" data-amount={total}>
            {t('inquiries.clearance.total', { amount: format.rials(total) })}
          </Text>
          <Anchor component={Link} to="/cartable/dues" data-testid="pay-owed">
            {t('inquiries.clearance.pay')}
          </Anchor>
        </Group>
      </Stack>
    </Alert>
  );
}

/** «Clearance certificate» on a citizen's parcel page: issued at once when the parcel owes nothing. */
export function ClearanceCard({ parcelId }: { parcelId: string }) {
  const { t } = useTranslation();
  const clearance = useRequestClearance();
  const owed = owedItemsOf(clearance.error);
  return (
    <Card withBorder padding="lg" data-testid="clearance">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h3">
              {t('inquiries.clearance.title')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('inquiries.clearance.intro')}
            </Text>
          </div>
          <Button
            onClick={() => clearance.mutate(parcelId)}
            loading={clearance.isPending}
            data-testid="request-clearance"
          >
            {t('inquiries.clearance.request')}
          </Button>
        </Group>
        {clearance.data && (
          <CertificateCard certificate={clearance.data.certificate} title={t('inquiries.clearance.issued')} />
        )}
        {owed ? <OwedItems items={owed} /> : <ApiErrorAlert error={clearance.error} />}
      </Stack>
    </Card>
  );
}
