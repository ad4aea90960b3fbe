import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCases } from '../api/cases.js';
import { mayRequestInquiries, useMe } from '../api/session.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { CasesTable } from '../components/cases/cases-table.js';
import { OfficeFiling } from '../components/cases/office-filing.js';
import { OfficePayment } from '../components/dues/office-payment.js';
import { LoadingState } from '../components/loading-state.js';

/** The office desk: the requests this office filed, and filing a new one for a citizen who consents. */
export function OfficePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const cases = useCases();
  const [filing, setFiling] = useState(false);
  const [paying, setPaying] = useState(false);
  if (!me) return null;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} data-testid="page-title">
            {t('office.title')}
          </Title>
          <Text c="dimmed">{t('staffHome.greeting', { name: me.name })}</Text>
        </div>
        <Group gap="sm">
          {mayRequestInquiries(me) && (
            <Button component={Link} to="/office/inquiries" variant="light" data-testid="open-inquiries">
              {t('inquiries.office.title')}
            </Button>
          )}
          {!paying && (
            <Button variant="light" onClick={() => setPaying(true)} data-testid="take-payment">
              {t('dues.office.takePayment')}
            </Button>
          )}
          {!filing && (
            <Button onClick={() => setFiling(true)} data-testid="file-for-citizen">
              {t('office.fileForCitizen')}
            </Button>
          )}
        </Group>
      </Group>
      {paying && (
        <Card withBorder padding="lg">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('dues.office.takePayment')}
            </Title>
            <OfficePayment onCancel={() => setPaying(false)} />
          </Stack>
        </Card>
      )}
      {filing && (
        <Card withBorder padding="lg">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('office.fileForCitizen')}
            </Title>
            <OfficeFiling onCancel={() => setFiling(false)} />
          </Stack>
        </Card>
      )}
      <Title order={2} size="h3">
        {t('office.filings')}
      </Title>
      {cases.isPending && <LoadingState />}
      <ApiErrorAlert error={cases.error} />
      {cases.data?.length === 0 && <Text c="dimmed">{t('office.empty')}</Text>}
      {cases.data && cases.data.length > 0 && <CasesTable cases={cases.data} />}
    </Stack>
  );
}
