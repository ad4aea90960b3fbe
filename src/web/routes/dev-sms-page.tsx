import { Alert, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSimulatedSms } from '../api/dev-sms.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { LoadingState } from '../components/loading-state.js';
import { LtrText } from '../components/ltr-text.js';
import { useFormat } from '../hooks/use-format.js';

/** The inbox of the development SMS simulator: every text the server "sent", newest first. */
export function DevSmsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const inbox = useSimulatedSms();
  return (
    <Stack gap="md" maw={720} mx="auto">
      <Group justify="space-between">
        <Title order={1}>{t('devSms.title')}</Title>
        <Badge variant="dot" color="teal">
          {t('devSms.autoRefresh')}
        </Badge>
      </Group>
      <Alert color="yellow" variant="light">
        {t('devSms.warning')}
      </Alert>
      {inbox.isPending && <LoadingState />}
      <ApiErrorAlert error={inbox.error} />
      {inbox.data?.length === 0 && <Text c="dimmed">{t('devSms.empty')}</Text>}
      {inbox.data?.map((sms) => (
        <Card key={sms.messageid} withBorder padding="md" data-testid="sms">
          <Group justify="space-between" mb="xs">
            <Text fw={600}>
              <LtrText>{format.digits(sms.receptor)}</LtrText>
            </Text>
            <Text size="sm" c="dimmed">
              {format.unixTime(sms.date)}
            </Text>
          </Group>
          <Text style={{ whiteSpace: 'pre-line' }}>{sms.message}</Text>
        </Card>
      ))}
    </Stack>
  );
}
