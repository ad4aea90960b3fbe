import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Bill, isPayable, sortBills } from '../../api/bills.js';
import { goToGateway, startPayment } from '../../api/payments.js';
import { useFormat } from '../../hooks/use-format.js';
import { ApiErrorAlert } from '../api-error-alert.js';
import { LtrText } from '../ltr-text.js';
import { BillsTable } from './bills-table.js';
import { RialsAmount } from './rials-amount.js';

/**
 * Bills grouped by parcel, ticked to pay together: the total of those ticked, and «pay online», which starts one
 * payment for all of them and sends the browser to the gateway. An office names the owner it pays for.
 */
export function BillsCheckout({ bills, forNationalId }: { bills: Bill[]; forNationalId?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const pay = useMutation({
    mutationFn: () => startPayment([...selected], forNationalId),
    onSuccess: (started) => goToGateway(started.redirectUrl),
  });
  const payable = bills.filter(isPayable);
  const parcels = [...new Map(bills.map((bill) => [bill.parcel.id, bill.parcel])).values()];
  const total = payable
    .filter((bill) => selected.has(bill.id))
    .reduce((sum, bill) => sum + (bill.quote?.payableRials ?? 0), 0);
  const toggle = (bill: Bill) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(bill.id)) next.delete(bill.id);
      else next.add(bill.id);
      return next;
    });
  const owedTotal = payable.reduce((sum, bill) => sum + (bill.quote?.payableRials ?? 0), 0);

  return (
    <Stack gap="md" data-testid="bills-checkout">
      {parcels.map((parcel) => (
        <Stack key={parcel.id} gap={4}>
          {parcels.length > 1 && (
            <Title order={3} size="h5">
              {t('dues.bills.parcel')} <LtrText>{format.digits(parcel.renewalCode)}</LtrText>
            </Title>
          )}
          <BillsTable
            bills={sortBills(bills.filter((bill) => bill.parcel.id === parcel.id))}
            selected={selected}
            onToggle={toggle}
          />
        </Stack>
      ))}
      {payable.length === 0 ? (
        <Text c="teal.8" fw={600} data-testid="nothing-owed">
          {t('dues.bills.nothingOwed')}
        </Text>
      ) : (
        <Card withBorder padding="md" bg="gray.0">
          <Group justify="space-between" align="center">
            <Stack gap={2}>
              <Text size="sm" c="dimmed">
                {t('dues.bills.owedToday', { amount: format.rials(owedTotal) })}
              </Text>
              <Text size="sm">
                {t('dues.bills.selectedTotal', { number: format.ordinal(selected.size) })}
              </Text>
              <RialsAmount amount={total} testId="selected-total" />
            </Stack>
            <Group gap="sm">
              <Button
                variant="default"
                onClick={() => setSelected(new Set(payable.map((bill) => bill.id)))}
                data-testid="select-all"
              >
                {t('dues.bills.selectAll')}
              </Button>
              <Button
                onClick={() => pay.mutate()}
                disabled={selected.size === 0}
                loading={pay.isPending || pay.isSuccess}
                data-testid="pay-online"
              >
                {t('dues.bills.payOnline')}
              </Button>
            </Group>
          </Group>
        </Card>
      )}
      <ApiErrorAlert error={pay.error} />
    </Stack>
  );
}
