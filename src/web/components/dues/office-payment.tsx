import { Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toLatinDigits } from '../../../shared/digits.js';
import { normalizeNationalId } from '../../../shared/identifiers/index.js';
import { useBills } from '../../api/bills.js';
import { ApiErrorAlert } from '../api-error-alert.js';
import { LoadingState } from '../loading-state.js';
import { BillsCheckout } from './bills-checkout.js';

/**
 * An office takes a payment for a citizen: the owner's national ID and the parcel's renewal code (as on the
 * citizen's bill or deed); the parcel's bills are shown only when that person owns it, then paid at the gateway.
 */
export function OfficePayment({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const [nationalId, setNationalId] = useState('');
  const [renewalCode, setRenewalCode] = useState('');
  const [badId, setBadId] = useState(false);
  const [asked, setAsked] = useState<{ nationalId: string; renewalCode: string } | null>(null);
  const bills = useBills(asked ?? {}, asked !== null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const id = normalizeNationalId(nationalId);
    setBadId(id === null);
    setAsked(id ? { nationalId: id, renewalCode: toLatinDigits(renewalCode).trim() } : null);
  };
  return (
    <Stack gap="md" data-testid="office-payment">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('dues.office.hint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('dues.office.nationalId')}
              value={nationalId}
              onChange={(event) => setNationalId(event.currentTarget.value)}
              error={badId ? t('dues.office.badNationalId') : undefined}
              inputMode="numeric"
              dir="ltr"
              data-testid="office-pay-national-id"
            />
            <TextInput
              label={t('dues.office.renewalCode')}
              value={renewalCode}
              onChange={(event) => setRenewalCode(event.currentTarget.value)}
              dir="ltr"
              data-testid="office-pay-renewal-code"
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={!nationalId || !renewalCode} data-testid="office-pay-find">
              {t('dues.office.find')}
            </Button>
          </Group>
        </Stack>
      </form>
      {bills.isFetching && <LoadingState />}
      <ApiErrorAlert error={bills.error} />
      {asked && bills.data && bills.data.length === 0 && <Text c="dimmed">{t('dues.bills.none')}</Text>}
      {asked && bills.data && bills.data.length > 0 && (
        <BillsCheckout bills={bills.data} forNationalId={asked.nationalId} />
      )}
    </Stack>
  );
}
