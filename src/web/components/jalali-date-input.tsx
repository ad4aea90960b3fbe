import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localizeDigits, parseJalaliInput } from '../format.js';
import { useFormat } from '../hooks/use-format.js';

const DATE_EXAMPLE = '1405/09/16';

/**
 * A Solar Hijri date typed as year/month/day (Persian digits welcome), the way every date of the app is entered.
 * `invalid` is the caller's (it checks with `jalaliInputProblem` on submit) or the API's verdict.
 */
export function JalaliDateInput({
  label,
  value,
  onChange,
  required = false,
  invalid = false,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  invalid?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { language } = useFormat();
  const example = localizeDigits(DATE_EXAMPLE, language);
  const wrong = value.trim() !== '' && parseJalaliInput(value) === null;
  return (
    <TextInput
      label={label}
      required={required}
      dir="ltr"
      styles={language === 'fa' ? { input: { textAlign: 'right' } } : undefined}
      placeholder={example}
      description={t('case.dateHint', { example })}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={invalid && (wrong ? t('case.invalidDate', { example }) : true)}
      data-testid={testId}
    />
  );
}
