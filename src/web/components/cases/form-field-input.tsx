import { Badge, Group, Radio, Select, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../../api/cases.js';
import { localizeDigits } from '../../format.js';
import { useFormat } from '../../hooks/use-format.js';
import { labelIn } from './case-texts.js';
import type { LocalProblem } from './form-values.js';

const DATE_EXAMPLE = '1403/05/20';

interface FormFieldInputProps {
  field: FormField;
  value: string;
  onChange: (value: string) => void;
  readOnly: boolean;
  /** Named by staff for correction: highlighted. */
  toCorrect: boolean;
  problem: LocalProblem | null;
  /** The server named the field as invalid. */
  invalid: boolean;
}

const LTR_TYPES = new Set(['number', 'date', 'national_id', 'mobile', 'postal_code']);

/** One field of a service's form, by its type; Persian digits are welcome in every input. */
export function FormFieldInput({
  field,
  value,
  onChange,
  readOnly,
  toCorrect,
  problem,
  invalid,
}: FormFieldInputProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { language } = format;
  const example = localizeDigits(DATE_EXAMPLE, language);
  const label: ReactNode = (
    <Group gap={6} component="span" wrap="nowrap" display="inline-flex">
      <span>{labelIn(field.labels, language)}</span>
      {toCorrect && (
        <Badge size="xs" color="orange" variant="filled" component="span">
          {t('case.toCorrect')}
        </Badge>
      )}
    </Group>
  );
  const error =
    problem === 'date'
      ? t('case.invalidDate', { example })
      : problem === 'number'
        ? t('case.invalidNumber')
        : invalid;
  const common = {
    label,
    required: field.required,
    readOnly,
    error,
    'data-field': field.name,
    'data-to-correct': toCorrect ? 'true' : undefined,
    classNames: toCorrect ? { root: 'case-field--to-correct' } : undefined,
  };

  if (field.type === 'select') {
    return (
      <Select
        {...common}
        placeholder={readOnly ? undefined : t('case.choose')}
        data={(field.options ?? []).map((option) => ({
          value: option.value,
          label: labelIn(option.labels, language),
        }))}
        value={value || null}
        onChange={(next) => onChange(next ?? '')}
        disabled={readOnly}
        allowDeselect={!field.required}
        clearable={!field.required && !readOnly}
      />
    );
  }
  if (field.type === 'boolean') {
    return (
      <Radio.Group {...common} value={value} onChange={onChange}>
        <Group mt={4}>
          <Radio value="true" label={t('case.yes')} disabled={readOnly} />
          <Radio value="false" label={t('case.no')} disabled={readOnly} />
        </Group>
      </Radio.Group>
    );
  }
  const ltr = LTR_TYPES.has(field.type);
  return (
    <TextInput
      {...common}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      placeholder={readOnly ? undefined : field.type === 'date' ? example : undefined}
      description={field.type === 'date' && !readOnly ? t('case.dateHint', { example }) : undefined}
      maxLength={field.type === 'text' ? field.maxLength : undefined}
      inputMode={ltr && field.type !== 'date' ? 'numeric' : undefined}
      dir={ltr ? 'ltr' : 'auto'}
      styles={ltr && language === 'fa' ? { input: { textAlign: 'right' } } : undefined}
      variant={readOnly ? 'filled' : 'default'}
    />
  );
}
