import {
  Alert,
  Blockquote,
  Button,
  Card,
  Group,
  Stack,
  Text,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type PublicCaseStatus, useCaseStatus } from '../api/cases.js';
import { ApiError } from '../api/client.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { CaseDeadline, CaseStateBadge } from '../components/cases/case-status.js';
import { useCaseTexts } from '../components/cases/case-texts.js';
import { FactList } from '../components/fact-list.js';
import { LoadingState } from '../components/loading-state.js';
import { LtrText } from '../components/ltr-text.js';
import { useFormat } from '../hooks/use-format.js';

function actorOf(role: string | null): 'applicant' | 'staff' | 'system' {
  if (role === 'applicant') return 'applicant';
  return role === null || role === 'system' ? 'system' : 'staff';
}

function PublicStatusView({ status }: { status: PublicCaseStatus }) {
  const { t } = useTranslation();
  const format = useFormat();
  const texts = useCaseTexts();
  return (
    <Card withBorder padding="lg" data-testid="case-status">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h3">
            {status.service}
          </Title>
          <CaseStateBadge summary={status} size="lg" />
        </Group>
        <FactList
          labelWidth={150}
          facts={[
            {
              label: t('track.trackingCode'),
              value: <LtrText>{format.digits(status.trackingCode)}</LtrText>,
            },
            ...(status.fileNumber
              ? [
                  {
                    label: t('track.fileNumber'),
                    value: <LtrText>{format.digits(status.fileNumber)}</LtrText>,
                  },
                ]
              : []),
            ...(status.submittedAt
              ? [{ label: t('track.submittedAt'), value: format.dateTime(status.submittedAt) }]
              : []),
            ...(status.outcome === null && status.deadlineAt
              ? [
                  {
                    label: t('track.deadline'),
                    value: <CaseDeadline summary={{ ...status, escalated: false }} />,
                  },
                ]
              : []),
          ]}
        />
        <Title order={3} size="h4">
          {t('track.steps')}
        </Title>
        <Timeline active={status.steps.length - 1} bulletSize={16} lineWidth={2} data-testid="status-steps">
          {status.steps.map((step) => (
            <Timeline.Item
              key={`${step.at}-${step.action}`}
              title={
                <Text fw={600} data-testid="step-name">
                  {texts.eventName({ action: step.action, actionName: step.action })}
                </Text>
              }
              data-testid="timeline-step"
            >
              <Text size="xs" c="dimmed">
                {texts.roleName({ actor: actorOf(step.role), role: step.role })} · {format.dateTime(step.at)}
              </Text>
              {step.to && <Text size="sm">{t('caseEvents.movedTo', { state: step.to })}</Text>}
              {step.reason && (
                <Blockquote
                  dir="auto"
                  p="xs"
                  mt={6}
                  color="orange"
                  style={{ fontSize: 'var(--mantine-font-size-sm)' }}
                >
                  {step.reason}
                </Blockquote>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
    </Card>
  );
}

/** «Track a request»: anyone with the tracking code and the applicant's national ID sees its status, signed in or not. */
export function TrackPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const [trackingCode, setTrackingCode] = useState(searchParams.get('code') ?? '');
  const [nationalId, setNationalId] = useState('');
  const [lookup, setLookup] = useState<{ trackingCode: string; nationalId: string } | null>(null);
  const status = useCaseStatus(lookup);
  const notFound =
    status.error instanceof ApiError && (status.error.status === 404 || status.error.status === 400);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (lookup?.trackingCode === trackingCode && lookup.nationalId === nationalId) void status.refetch();
    else setLookup({ trackingCode, nationalId });
  }

  return (
    <Stack gap="lg" maw={760} mx="auto">
      <div>
        <Title order={1} data-testid="page-title">
          {t('track.title')}
        </Title>
        <Text c="dimmed">{t('track.intro')}</Text>
      </div>
      <Card withBorder padding="lg">
        <form onSubmit={submit} noValidate>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('track.trackingCode')}
              description={t('track.trackingCodeHint')}
              value={trackingCode}
              onChange={(event) => setTrackingCode(event.currentTarget.value)}
              inputMode="numeric"
              dir="ltr"
              maxLength={30}
              style={{ flex: 1, minWidth: 220 }}
              data-testid="track-code"
            />
            <TextInput
              label={t('track.nationalId')}
              description={t('signIn.nationalIdHint')}
              value={nationalId}
              onChange={(event) => setNationalId(event.currentTarget.value)}
              inputMode="numeric"
              dir="ltr"
              maxLength={12}
              style={{ flex: 1, minWidth: 200 }}
              data-testid="track-national-id"
            />
            <Button
              type="submit"
              loading={status.isFetching}
              disabled={trackingCode.trim().length < 8 || nationalId.trim().length < 8}
            >
              {t('track.submit')}
            </Button>
          </Group>
        </form>
      </Card>
      {status.isFetching && !status.data && <LoadingState />}
      {notFound ? (
        <Alert color="yellow" variant="light" data-testid="track-not-found">
          {t('track.notFound')}
        </Alert>
      ) : (
        <ApiErrorAlert error={status.error} />
      )}
      {status.data && !status.error && <PublicStatusView status={status.data} />}
    </Stack>
  );
}
