import { useTranslation } from 'react-i18next';
import type { FormField } from '../../api/cases.js';
import { useFormat } from '../../hooks/use-format.js';
import { FactList } from '../fact-list.js';
import { LtrText } from '../ltr-text.js';
import { labelIn } from './case-texts.js';

/** A case's form answers as read-only facts (for staff): options by their label, dates in the Solar Hijri calendar. */
export function CaseAnswers({ fields, data }: { fields: FormField[]; data: Record<string, unknown> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { language } = format;
  function answer(field: FormField) {
    const value = data[field.name];
    if (value === undefined || value === null || value === '')
      return <span style={{ color: 'var(--mantine-color-dimmed)' }}>{t('case.noAnswer')}</span>;
    switch (field.type) {
      case 'select': {
        const option = field.options?.find((o) => o.value === value);
        return option ? labelIn(option.labels, language) : String(value);
      }
      case 'boolean':
        return t(value === true ? 'case.yes' : 'case.no');
      case 'date':
        return format.date(String(value));
      case 'number':
        return typeof value === 'number' ? format.number(value) : String(value);
      case 'text':
        return <bdi>{String(value)}</bdi>;
      default:
        return <LtrText>{format.digits(String(value))}</LtrText>;
    }
  }
  return (
    <div data-testid="case-answers">
      <FactList
        labelWidth={200}
        facts={fields.map((field) => ({ label: labelIn(field.labels, language), value: answer(field) }))}
      />
    </div>
  );
}
