import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { usePayments } from '../api/payments.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { PaymentStateBadge } from '../components/dues/payment-state.js';
import { LoadingState } from '../components/loading-state.js';
import { LtrText } from '../components/ltr-text.js';
import { useFormat } from '../hooks/use-format.js';

/** A citizen's payments (and those an office made for them), or an office's: newest first, each opens its page. */
export function PaymentHistoryPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const payments = usePayments();
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} data-testid="page-title">
          {t('dues.history.title')}
        </Title>
        <Text c="dimmed">{t('dues.history.intro')}</Text>
      </div>
      {payments.isPending && <LoadingState />}
      <ApiErrorAlert error={payments.error} />
      {payments.data?.length === 0 && <Text c="dimmed">{t('dues.history.empty')}</Text>}
      {payments.data && payments.data.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing="sm" data-testid="payments-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dues.history.date')}</Table.Th>
                <Table.Th>{t('dues.history.bills')}</Table.Th>
                <Table.Th>{t('dues.history.amount')}</Table.Th>
                <Table.Th>{t('dues.history.state')}</Table.Th>
                <Table.Th>{t('dues.history.refId')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {payments.data.map((payment) => (
                <Table.Tr
                  key={payment.id}
                  className="clickable-row"
                  onClick={() => void navigate(`/payments/${payment.id}`)}
                  data-testid="payment-row"
                  data-payment-id={payment.id}
                >
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/payments/${payment.id}`}
                      onClick={(event) => event.stopPropagation()}
                    >
                      {format.dateTime(payment.createdAt)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {payment.items.map((item) => (
                      <Text key={item.billRecordId} size="sm">
                        {t('dues.history.bill', { year: format.ordinal(item.year) })}{' '}
                        <LtrText>{format.digits(item.billId)}</LtrText>
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td fw={600}>{format.rials(payment.amountRials)}</Table.Td>
                  <Table.Td>
                    <PaymentStateBadge
                      state={payment.state}
                      failureReason={payment.failureReason}
                      size="sm"
                    />
                  </Table.Td>
                  <Table.Td>
                    {payment.refId ? <LtrText>{format.digits(payment.refId)}</LtrText> : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
