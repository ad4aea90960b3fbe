import { Card, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useInquiryOfCase } from '../../api/inquiries.js';
import { useFormat } from '../../hooks/use-format.js';
import { ApiErrorAlert } from '../api-error-alert.js';
import { type Fact, FactList } from '../fact-list.js';
import { LtrText } from '../ltr-text.js';
import { InquiryAnswer } from './inquiry-answer.js';

/**
 * On the case page of a routed inquiry, for staff: who asked and why, why the rule did not issue it at once (each
 * condition with its numbers), and once approved the certificate issued.
 */
export function InquiryCasePanel({ caseId, caseVersion }: { caseId: string; caseVersion: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const inquiry = useInquiryOfCase(caseId, caseVersion);
  const data = inquiry.data;
  const facts: Fact[] = data
    ? [
        { label: t('inquiries.table.requester'), value: data.requester.name },
        ...(data.letterNumber
          ? [{ label: t('inquiries.form.letterNumber'), value: <span dir="auto">{data.letterNumber}</span> }]
          : []),
        ...(data.letterDate
          ? [{ label: t('inquiries.form.letterDate'), value: format.date(data.letterDate) }]
          : []),
        { label: t('inquiries.table.parcel'), value: <LtrText>{format.digits(data.parcel.plate)}</LtrText> },
      ]
    : [];
  return (
    <Card withBorder padding="lg" data-testid="inquiry-panel">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('inquiries.casePanel.title')}
        </Title>
        <ApiErrorAlert error={inquiry.error} />
        {data && <FactList facts={facts} labelWidth={150} />}
        {data && <InquiryAnswer inquiry={data} />}
      </Stack>
    </Card>
  );
}
