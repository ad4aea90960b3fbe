import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MUNICIPAL_SERVICE_TYPE, parseBill } from '../../shared/identifiers/bill.js';
import { type LookupKey, useBillLookup } from '../api/bill-lookup.js';
import type { BillLookup } from '../api/bills.js';
import { ApiError } from '../api/client.js';
import { usePublicMunicipality } from '../api/municipality.js';
import { goToGateway, payByBillId } from '../api/payments.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { BillBarcode } from '../components/dues/bill-barcode.js';
import { RialsAmount } from '../components/dues/rials-amount.js';
import { FactList } from '../components/fact-list.js';
import { LoadingState } from '../components/loading-state.js';
import { LtrText } from '../components/ltr-text.js';
import { useFormat } from '../hooks/use-format.js';

type ProblemKey =
  | 'billIdFormat'
  | 'billIdCheck'
  | 'paymentIdFormat'
  | 'paymentIdCheck'
  | 'paymentIdBinding'
  | 'notMunicipal';
type Problem = { field: 'billId' | 'paymentId'; key: ProblemKey };

/** The check digits, checked here before the server is asked: a typo is named at once, at its field. */
function problemOf(billId: string, paymentId: string): Problem | null {
  const parsed = parseBill(billId, paymentId);
  if (parsed.valid)
    return parsed.serviceType === MUNICIPAL_SERVICE_TYPE ? null : { field: 'billId', key: 'notMunicipal' };
  switch (parsed.reason) {
    case 'bill-id-format':
    case 'bill-check-digit':
    case 'unknown-service-type':
      return { field: 'billId', key: parsed.reason === 'bill-id-format' ? 'billIdFormat' : 'billIdCheck' };
    case 'payment-id-format':
      return { field: 'paymentId', key: 'paymentIdFormat' };
    case 'payment-check-digit':
      return { field: 'paymentId', key: 'paymentIdCheck' };
    case 'payment-bill-binding':
      return { field: 'paymentId', key: 'paymentIdBinding' };
  }
}

function FoundBill({ bill }: { bill: BillLookup }) {
  const { t } = useTranslation();
  const format = useFormat();
  const pay = useMutation({
    mutationFn: () =>
      payByBillId({
        municipality: bill.municipality.code,
        billId: bill.billId,
        paymentId: bill.paymentId ?? '',
      }),
    onSuccess: (started) => goToGateway(started.redirectUrl),
  });
  const payable = bill.payableRials !== null && bill.paymentId !== null;
  return (
    <Card withBorder padding="lg" data-testid="found-bill">
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('dues.byIds.billOf', { year: format.ordinal(bill.year), municipality: bill.municipality.name })}
        </Title>
        <FactList
          labelWidth={150}
          facts={[
            { label: t('dues.bills.billId'), value: <LtrText>{format.digits(bill.billId)}</LtrText> },
            ...(bill.paymentId
              ? [
                  {
                    label: t('dues.bills.paymentId'),
                    value: <LtrText>{format.digits(bill.paymentId)}</LtrText>,
                  },
                ]
              : []),
            {
              label: t('dues.bills.state'),
              value: t(`dues.billStates.${bill.state}`, { defaultValue: bill.state }),
            },
            { label: t('dues.byIds.dueOn'), value: format.date(bill.dueOn) },
          ]}
        />
        {payable ? (
          <>
            <RialsAmount amount={bill.payableRials as number} size="xl" testId="lookup-payable" />
            {bill.barcode && <BillBarcode barcode={bill.barcode} />}
            <Group justify="flex-end">
              <Button
                onClick={() => pay.mutate()}
                loading={pay.isPending || pay.isSuccess}
                data-testid="pay-by-ids"
              >
                {t('dues.bills.payOnline')}
              </Button>
            </Group>
          </>
        ) : (
          <Alert color="teal" variant="light" data-testid="nothing-to-pay">
            {t('dues.byIds.nothingToPay')}
          </Alert>
        )}
        <ApiErrorAlert error={pay.error} />
      </Stack>
    </Card>
  );
}

/** Anyone pays a municipal bill with its bill ID and payment ID, without signing in. */
export function PayBillPage() {
  const { t } = useTranslation();
  const { data: municipality } = usePublicMunicipality();
  const [billId, setBillId] = useState('');
  const [paymentId, setPaymentId] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [key, setKey] = useState<LookupKey | null>(null);
  const lookup = useBillLookup(key);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = problemOf(billId, paymentId);
    setProblem(found);
    if (found) return setKey(null);
    const parsed = parseBill(billId, paymentId);
    if (parsed.valid)
      setKey({ municipality: municipality?.code, billId: parsed.billId, paymentId: parsed.paymentId });
  };
  const outdated = lookup.error instanceof ApiError && lookup.error.code === 'payment_id_outdated';
  const current = outdated ? String((lookup.error as ApiError).details.currentPaymentId ?? '') : '';
  const errorOf = (field: Problem['field']) =>
    problem?.field === field ? t(`dues.byIds.problems.${problem.key}`) : undefined;
  return (
    <Stack gap="lg" maw={760}>
      <div>
        <Title order={1} data-testid="page-title">
          {t('dues.byIds.title')}
        </Title>
        <Text c="dimmed">{t('dues.byIds.intro')}</Text>
      </div>
      <Card withBorder padding="lg">
        <form onSubmit={submit} noValidate>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('dues.bills.billId')}
                value={billId}
                onChange={(event) => setBillId(event.currentTarget.value)}
                error={errorOf('billId')}
                inputMode="numeric"
                dir="ltr"
                data-testid="bill-id-input"
              />
              <TextInput
                label={t('dues.bills.paymentId')}
                value={paymentId}
                onChange={(event) => setPaymentId(event.currentTarget.value)}
                error={errorOf('paymentId')}
                inputMode="numeric"
                dir="ltr"
                data-testid="payment-id-input"
              />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button type="submit" data-testid="find-bill">
                {t('dues.byIds.find')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      {lookup.isFetching && <LoadingState />}
      <ApiErrorAlert error={lookup.error} />
      {outdated && current && (
        <Button variant="light" onClick={() => setPaymentId(current)} data-testid="use-current-payment-id">
          {t('dues.byIds.useCurrent')}
        </Button>
      )}
      {lookup.data && <FoundBill bill={lookup.data} />}
    </Stack>
  );
}
