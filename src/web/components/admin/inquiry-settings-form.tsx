import { Button, Checkbox, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type InquirySettingsFields,
  type InquirySettingsVersion,
  usePublishInquirySettings,
} from '../../api/admin-inquiry-settings.js';
import { formatJalaliInput, localizeDigits, parseJalaliInput, parseTypedNumber } from '../../format.js';
import { fieldErrorsOf } from '../../hooks/use-field-errors.js';
import { useFormat } from '../../hooks/use-format.js';
import { ApiErrorAlert } from '../api-error-alert.js';
import { JalaliDateInput } from '../jalali-date-input.js';

type Months = 'responseValidityMonths' | 'completionMonths' | 'clearanceValidityMonths';
type Rule =
  | 'requireNothingOwed'
  | 'requireNoOpenViolation'
  | 'requireNoPendingArticle100'
  | 'siteVisitWhenRouted';
const MONTHS: readonly Months[] = ['responseValidityMonths', 'completionMonths', 'clearanceValidityMonths'];
const RULES: readonly Rule[] = [
  'requireNothingOwed',
  'requireNoOpenViolation',
  'requireNoPendingArticle100',
  'siteVisitWhenRouted',
];

const DEFAULTS: Omit<InquirySettingsFields, 'effectiveFrom'> = {
  responseValidityMonths: 2,
  completionMonths: 6,
  clearanceValidityMonths: 2,
  requireNothingOwed: true,
  requireNoOpenViolation: true,
  requireNoPendingArticle100: true,
  siteVisitWhenRouted: true,
};

/** A new dated version of the inquiry settings, starting from the one in force; history is never rewritten. */
export function InquirySettingsForm({
  inForce,
  today,
}: {
  inForce: InquirySettingsVersion | null;
  today: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const publish = usePublishInquirySettings();
  const { id: _id, effectiveFrom: _from, ...current } = inForce ?? { id: '', effectiveFrom: '', ...DEFAULTS };
  const [values, setValues] = useState(current);
  // Typed with Persian or Latin digits; what is no whole number goes as it is, for the API to name the field.
  const [months, setMonths] = useState<Record<Months, string>>(() => ({
    responseValidityMonths: localizeDigits(String(current.responseValidityMonths), format.language),
    completionMonths: localizeDigits(String(current.completionMonths), format.language),
    clearanceValidityMonths: localizeDigits(String(current.clearanceValidityMonths), format.language),
  }));
  const [effectiveFrom, setEffectiveFrom] = useState(() => formatJalaliInput(today, format.language));
  const [tried, setTried] = useState(false);
  const [published, setPublished] = useState(false);
  const invalid = fieldErrorsOf(publish.error);
  const effectiveIso = parseJalaliInput(effectiveFrom);

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    setPublished(false);
    if (!effectiveIso) return;
    const typed = Object.fromEntries(
      MONTHS.map((name) => [name, parseTypedNumber(months[name]) ?? '']),
    ) as Record<Months, number>;
    publish.mutate(
      { ...values, ...typed, effectiveFrom: effectiveIso },
      { onSuccess: () => setPublished(true) },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="inquiry-settings-form">
      <Stack gap="sm">
        <JalaliDateInput
          label={t('inquiries.settings.effectiveFrom')}
          required
          value={effectiveFrom}
          onChange={setEffectiveFrom}
          invalid={(tried && !effectiveIso) || invalid('effectiveFrom')}
          testId="settings-effective-from"
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {MONTHS.map((name) => (
            <TextInput
              key={name}
              label={t(`inquiries.settings.${name}`)}
              required
              dir="ltr"
              inputMode="numeric"
              styles={format.language === 'fa' ? { input: { textAlign: 'right' } } : undefined}
              value={months[name]}
              onChange={(e) => {
                const text = e.currentTarget.value;
                setMonths((m) => ({ ...m, [name]: text }));
              }}
              error={invalid(name)}
              data-testid={`settings-${name}`}
            />
          ))}
        </SimpleGrid>
        {RULES.map((name) => (
          <Checkbox
            key={name}
            label={t(`inquiries.settings.${name}`)}
            checked={values[name]}
            onChange={(e) => {
              const checked = e.currentTarget.checked;
              setValues((v) => ({ ...v, [name]: checked }));
            }}
            data-testid={`settings-${name}`}
          />
        ))}
        <ApiErrorAlert error={publish.error} />
        {published && !publish.error && (
          <Group data-testid="settings-published">{t('inquiries.settings.published')}</Group>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={publish.isPending} data-testid="settings-publish">
            {t('inquiries.settings.publish')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
