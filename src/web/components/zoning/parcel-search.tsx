import { Button, Group, SegmentedControl, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PublicParcel, type ParcelSearch as Search, useParcelSearch } from '../../api/zoning.js';
import { isolateLtr } from '../../format.js';
import { fieldErrorsOf } from '../../hooks/use-field-errors.js';
import { useFormat } from '../../hooks/use-format.js';
import { ApiErrorAlert } from '../api-error-alert.js';
import { LtrText } from '../ltr-text.js';
import { ParcelPlate } from '../parcel-plate.js';

type SearchBy = Search['by'];
const EXAMPLE_RENEWAL_CODE = '01-0001-003';

function ResultRow({ parcel, onOpen }: { parcel: PublicParcel; onOpen: () => void }) {
  const format = useFormat();
  const { t } = useTranslation();
  return (
    <UnstyledButton onClick={onOpen} className="search-result" data-testid="search-result">
      <Text fw={600} size="sm">
        <LtrText>{format.digits(parcel.renewalCode)}</LtrText>
      </Text>
      <Text size="xs" c="dimmed">
        {parcel.address ?? t('parcel.noAddress')}
      </Text>
      <Text size="xs" c="dimmed">
        <ParcelPlate plate={parcel.plate} />
      </Text>
    </UnstyledButton>
  );
}

/** Finds a parcel by renewal code, postal code or registration plate (Persian digits welcome). */
export function ParcelSearchBox({ onOpen }: { onOpen: (parcel: PublicParcel) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [by, setBy] = useState<SearchBy>('renewalCode');
  const [renewalCode, setRenewalCode] = useState('');
  const [postalCode, setPostalCode] = useState('');
  const [section, setSection] = useState('');
  const [mainPlate, setMainPlate] = useState('');
  const [subPlate, setSubPlate] = useState('');
  const search = useParcelSearch();
  const hasError = fieldErrorsOf(search.error);

  const canSearch =
    by === 'renewalCode'
      ? renewalCode.trim() !== ''
      : by === 'postalCode'
        ? postalCode.trim() !== ''
        : section.trim() !== '' && mainPlate.trim() !== '';

  function submit(event: FormEvent) {
    event.preventDefault();
    const query: Search =
      by === 'renewalCode'
        ? { by, renewalCode }
        : by === 'postalCode'
          ? { by, postalCode }
          : { by, registrationSection: section, mainPlate, subPlate };
    search.mutate(query, {
      onSuccess: ({ parcels }) => {
        if (parcels.length === 1) onOpen(parcels[0]);
      },
    });
  }

  function changeBy(value: string) {
    setBy(value as SearchBy);
    search.reset();
  }

  const results = search.data?.parcels;
  return (
    <search aria-label={t('search.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <SegmentedControl
            size="xs"
            fullWidth
            value={by}
            onChange={changeBy}
            aria-label={t('search.by')}
            data={[
              { value: 'renewalCode', label: t('parcel.renewalCode') },
              { value: 'postalCode', label: t('parcel.postalCode') },
              { value: 'plate', label: t('search.plate') },
            ]}
          />
          {by === 'renewalCode' && (
            <TextInput
              name="renewalCode"
              label={t('parcel.renewalCode')}
              description={t('search.renewalCodeHint', {
                example: isolateLtr(format.digits(EXAMPLE_RENEWAL_CODE)),
              })}
              value={renewalCode}
              onChange={(event) => setRenewalCode(event.currentTarget.value)}
              error={hasError('renewalCode')}
              dir="ltr"
              autoComplete="off"
              data-testid="search-renewal-code"
            />
          )}
          {by === 'postalCode' && (
            <TextInput
              name="postalCode"
              label={t('parcel.postalCode')}
              description={t('search.postalCodeHint')}
              value={postalCode}
              onChange={(event) => setPostalCode(event.currentTarget.value)}
              error={hasError('postalCode')}
              inputMode="numeric"
              maxLength={12}
              dir="ltr"
              autoComplete="off"
            />
          )}
          {by === 'plate' && (
            <Group gap="xs" grow wrap="nowrap" align="flex-start">
              <TextInput
                name="registrationSection"
                label={t('search.section')}
                value={section}
                onChange={(event) => setSection(event.currentTarget.value)}
                error={hasError('registrationSection')}
                inputMode="numeric"
                dir="ltr"
                autoComplete="off"
              />
              <TextInput
                name="mainPlate"
                label={t('search.mainPlate')}
                value={mainPlate}
                onChange={(event) => setMainPlate(event.currentTarget.value)}
                error={hasError('mainPlate')}
                inputMode="numeric"
                dir="ltr"
                autoComplete="off"
              />
              <TextInput
                name="subPlate"
                label={t('search.subPlate')}
                value={subPlate}
                onChange={(event) => setSubPlate(event.currentTarget.value)}
                error={hasError('subPlate')}
                inputMode="numeric"
                dir="ltr"
                autoComplete="off"
              />
            </Group>
          )}
          <Button type="submit" loading={search.isPending} disabled={!canSearch}>
            {t('search.submit')}
          </Button>
          <ApiErrorAlert error={search.error} />
          {results?.length === 0 && (
            <Text size="sm" c="dimmed" data-testid="search-empty">
              {t('search.noResults')}
            </Text>
          )}
          {results && results.length > 1 && (
            <Stack gap={4} data-testid="search-results">
              <Text size="xs" c="dimmed">
                {t('search.found', { number: format.number(results.length) })}
              </Text>
              {results.map((parcel) => (
                <ResultRow key={parcel.id} parcel={parcel} onOpen={() => onOpen(parcel)} />
              ))}
            </Stack>
          )}
        </Stack>
      </form>
    </search>
  );
}
