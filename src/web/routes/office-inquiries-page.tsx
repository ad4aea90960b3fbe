import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOfficeInquiries } from '../api/inquiries.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { InquiriesTable } from '../components/inquiries/inquiries-table.js';
import { InquiryAnswer } from '../components/inquiries/inquiry-answer.js';
import { InquiryRequestForm } from '../components/inquiries/inquiry-request-form.js';
import { LoadingState } from '../components/loading-state.js';

/**
 * «Request an inquiry response» for a notary, counter or bank office: the request, the municipality's
 * answer at once (the certificate, or why it went to the district), and the office's own requests, kept fresh while
 * any is in review.
 */
export function OfficeInquiriesPage() {
  const { t } = useTranslation();
  const inquiries = useOfficeInquiries();
  const [shownId, setShownId] = useState<string | null>(null);
  // The answer follows the list as it refreshes: a request in review turns into its certificate on screen.
  const shown = inquiries.data?.find((inquiry) => inquiry.id === shownId) ?? null;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/office" size="sm">
        {t('case.backToOffice')}
      </Anchor>
      <div>
        <Title order={1} data-testid="page-title">
          {t('inquiries.office.title')}
        </Title>
        <Text c="dimmed">{t('inquiries.office.intro')}</Text>
      </div>
      <Card withBorder padding="lg">
        <InquiryRequestForm onAnswer={(inquiry) => setShownId(inquiry.id)} />
      </Card>
      {shown && (
        <Card withBorder padding="lg">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('inquiries.office.answerTitle')}
            </Title>
            <InquiryAnswer inquiry={shown} />
          </Stack>
        </Card>
      )}
      <Title order={2} size="h3">
        {t('inquiries.office.listTitle')}
      </Title>
      {inquiries.isPending && <LoadingState />}
      <ApiErrorAlert error={inquiries.error} />
      {inquiries.data?.length === 0 && <Text c="dimmed">{t('inquiries.office.empty')}</Text>}
      {inquiries.data && inquiries.data.length > 0 && (
        <InquiriesTable inquiries={inquiries.data} onOpen={(inquiry) => setShownId(inquiry.id)} />
      )}
    </Stack>
  );
}
