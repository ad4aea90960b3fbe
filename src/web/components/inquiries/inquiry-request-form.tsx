import { Button, Group, SegmentedControl, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INQUIRY_PURPOSES,
  type Inquiry,
  type InquiryPurpose,
  newIdempotencyKey,
  useRequestInquiry,
} from '../../api/inquiries.js';
import { parseJalaliInput } from '../../format.js';
import { fieldErrorsOf } from '../../hooks/use-field-errors.js';
import { useFormat } from '../../hooks/use-format.js';
import { ApiErrorAlert } from '../api-error-alert.js';
import { JalaliDateInput } from '../jalali-date-input.js';
import { EMPTY, parcelOf, type Values } from './inquiry-form-values.js';

/**
 * «Request an inquiry response»: the parcel by renewal code or registration plate, the purpose, the office's letter.
 * One `Idempotency-Key` per submission of the same answers: a double click or a retry after a dropped connection
 * finds the inquiry already filed instead of filing a second one; changing any answer makes a new submission.
 */
export function InquiryRequestForm({ onAnswer }: { onAnswer: (inquiry: Inquiry) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [values, setValues] = useState<Values>(EMPTY);
  const [key, setKey] = useState(newIdempotencyKey);
  const [dateProblem, setDateProblem] = useState(false);
  const request = useRequestInquiry();
  const invalid = fieldErrorsOf(request.error);

  function set<K extends keyof Values>(name: K, value: Values[K]) {
    setValues((current) => ({ ...current, [name]: value }));
    setKey(newIdempotencyKey());
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (request.isPending || !values.purpose) return;
    const letterDate = parseJalaliInput(values.letterDate);
    setDateProblem(letterDate === null);
    if (letterDate === null) return;
    const letterNumber = values.letterNumber.trim();
    request.mutate(
      {
        idempotencyKey: key,
        body: {
          parcel: parcelOf(values),
          purpose: values.purpose,
          ...(letterNumber ? { letterNumber } : {}),
          ...(letterDate ? { letterDate } : {}),
        },
      },
      {
        onSuccess: (inquiry) => {
          setValues(EMPTY);
          setKey(newIdempotencyKey());
          onAnswer(inquiry);
        },
      },
    );
  }

  const ltrInput = format.language === 'fa' ? { input: { textAlign: 'right' as const } } : undefined;
  return (
    <form onSubmit={submit} noValidate data-testid="inquiry-form">
      <Stack gap="sm">
        <SegmentedControl
          value={values.by}
          onChange={(by) => set('by', by as Values['by'])}
          data={[
            { value: 'renewalCode', label: t('inquiries.form.byRenewalCode') },
            { value: 'plate', label: t('inquiries.form.byPlate') },
          ]}
          data-testid="inquiry-parcel-by"
        />
        {values.by === 'renewalCode' ? (
          <TextInput
            label={t('inquiries.form.renewalCode')}
            required
            dir="ltr"
            styles={ltrInput}
            value={values.renewalCode}
            onChange={(e) => set('renewalCode', e.currentTarget.value)}
            error={invalid('parcel')}
            data-testid="inquiry-renewal-code"
          />
        ) : (
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <TextInput
              label={t('inquiries.form.section')}
              required
              dir="ltr"
              inputMode="numeric"
              styles={ltrInput}
              value={values.section}
              onChange={(e) => set('section', e.currentTarget.value)}
              error={invalid('parcel.plate.section') || invalid('parcel')}
              data-testid="inquiry-plate-section"
            />
            <TextInput
              label={t('inquiries.form.main')}
              required
              dir="ltr"
              inputMode="numeric"
              styles={ltrInput}
              value={values.main}
              onChange={(e) => set('main', e.currentTarget.value)}
              error={invalid('parcel.plate.main')}
              data-testid="inquiry-plate-main"
            />
            <TextInput
              label={t('inquiries.form.sub')}
              description={t('inquiries.form.subHint')}
              dir="ltr"
              styles={ltrInput}
              value={values.sub}
              onChange={(e) => set('sub', e.currentTarget.value)}
              error={invalid('parcel.plate.sub')}
              data-testid="inquiry-plate-sub"
            />
            <TextInput
              label={t('inquiries.form.unit')}
              dir="ltr"
              inputMode="numeric"
              styles={ltrInput}
              value={values.unit}
              onChange={(e) => set('unit', e.currentTarget.value)}
              error={invalid('parcel.plate.unit')}
              data-testid="inquiry-plate-unit"
            />
          </SimpleGrid>
        )}
        <Select
          label={t('inquiries.form.purpose')}
          required
          placeholder={t('case.choose')}
          data={INQUIRY_PURPOSES.map((purpose) => ({
            value: purpose,
            label: t(`inquiries.purpose.${purpose}`),
          }))}
          value={values.purpose}
          onChange={(purpose) => set('purpose', purpose as InquiryPurpose | null)}
          error={invalid('purpose')}
          data-testid="inquiry-purpose"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('inquiries.form.letterNumber')}
            dir="auto"
            maxLength={30}
            value={values.letterNumber}
            onChange={(e) => set('letterNumber', e.currentTarget.value)}
            error={invalid('letterNumber')}
            data-testid="inquiry-letter-number"
          />
          <JalaliDateInput
            label={t('inquiries.form.letterDate')}
            value={values.letterDate}
            onChange={(value) => set('letterDate', value)}
            invalid={dateProblem || invalid('letterDate')}
            testId="inquiry-letter-date"
          />
        </SimpleGrid>
        <ApiErrorAlert error={request.error} />
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={request.isPending}
            disabled={!values.purpose}
            data-testid="inquiry-submit"
          >
            {t('inquiries.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
