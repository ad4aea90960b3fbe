import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CertificateFacts,
  type RegisterAnswer,
  useBrowserCheck,
  useRegisterAnswer,
  type VerificationResult,
  type VerifyLookup,
} from '../api/certificates.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { FactList } from '../components/fact-list.js';
import { LoadingState } from '../components/loading-state.js';
import { LtrText } from '../components/ltr-text.js';
import { useFormat } from '../hooks/use-format.js';

type FailureReason = keyof typeof import('../i18n/en.json')['certificateVerify']['reasons'];

const RESULT_COLOR: Record<VerificationResult, string> = {
  valid: 'green',
  expired: 'orange',
  revoked: 'red',
  unknown: 'gray',
  forged: 'red',
};

function Facts({ facts }: { facts: CertificateFacts }) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = facts.municipality.name[format.language] ?? facts.municipality.name.en;
  return (
    <FactList
      labelWidth={160}
      facts={[
        { label: t('certificateVerify.number'), value: <LtrText>{facts.number}</LtrText> },
        { label: t('certificateVerify.kind'), value: t(`certificateVerify.kinds.${facts.kind}`) },
        { label: t('certificateVerify.municipality'), value: `${name} · ${format.district(facts.district)}` },
        { label: t('certificateVerify.plate'), value: <LtrText>{facts.plate}</LtrText> },
        { label: t('certificateVerify.outcome'), value: t(`certificateVerify.outcomes.${facts.outcome}`) },
        { label: t('certificateVerify.owners'), value: facts.owners.join(t('list.separator')) },
        { label: t('certificateVerify.issuedAt'), value: format.dateTime(facts.issuedAt) },
        { label: t('certificateVerify.validUntil'), value: format.dateTime(facts.validUntil) },
        ...(facts.revokedAt
          ? [{ label: t('certificateVerify.revokedAt'), value: format.dateTime(facts.revokedAt) }]
          : []),
        { label: t('certificateVerify.keyId'), value: <LtrText>{facts.keyId}</LtrText> },
      ]}
    />
  );
}

function BrowserCheck({ payload }: { payload: string }) {
  const { t } = useTranslation();
  const check = useBrowserCheck(payload);
  if (check.isLoading) return <Text size="sm">{t('certificateVerify.browserChecking')}</Text>;
  if (check.error || !check.data) return <Text size="sm">{t('certificateVerify.browserUnavailable')}</Text>;
  const result = check.data;
  return (
    <Alert
      variant="light"
      color={result.ok ? 'green' : 'red'}
      title={t(result.ok ? 'certificateVerify.browserValid' : 'certificateVerify.browserInvalid')}
      data-testid="browser-check"
      data-ok={String(result.ok)}
    >
      {result.ok
        ? t('certificateVerify.browserValidHint', { kid: result.kid })
        : t(`certificateVerify.reasons.${result.reason}`)}
    </Alert>
  );
}

function Answer({ answer, payload }: { answer: RegisterAnswer; payload: string | null }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" data-testid="verification">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('certificateVerify.answerTitle')}
          </Title>
          <Badge
            size="xl"
            color={RESULT_COLOR[answer.result]}
            data-testid="verification-result"
            data-result={answer.result}
          >
            {t(`certificateVerify.results.${answer.result}`)}
          </Badge>
        </Group>
        <Text>{t(`certificateVerify.resultHints.${answer.result}`)}</Text>
        {answer.signature && !answer.signature.valid && answer.signature.reason && (
          <Text c="red" size="sm">
            {t(`certificateVerify.reasons.${answer.signature.reason as FailureReason}`)}
          </Text>
        )}
        {answer.certificate && <Facts facts={answer.certificate} />}
        {payload && <BrowserCheck payload={payload} />}
      </Stack>
    </Card>
  );
}

/** The token in the page address: the QR code opens /verify#<signed payload>. */
function payloadFromLocation(): string | null {
  const hash = window.location.hash.slice(1);
  return hash.split('.').length === 3 ? decodeURIComponent(hash) : null;
}

/** «Verify a certificate»: anyone types the number or pastes (or scans) the QR payload. */
export function VerifyPage() {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'number' | 'payload'>(payloadFromLocation() ? 'payload' : 'number');
  const [number, setNumber] = useState('');
  const [payload, setPayload] = useState(payloadFromLocation() ?? '');
  const [lookup, setLookup] = useState<VerifyLookup | null>(() => {
    const scanned = payloadFromLocation();
    return scanned ? { by: 'payload', payload: scanned } : null;
  });
  const answer = useRegisterAnswer(lookup);

  useEffect(() => {
    const onHash = () => {
      const scanned = payloadFromLocation();
      if (scanned) {
        setMode('payload');
        setPayload(scanned);
        setLookup({ by: 'payload', payload: scanned });
      }
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    setLookup(
      mode === 'number'
        ? { by: 'number', number: number.trim() }
        : { by: 'payload', payload: payload.trim() },
    );
  }

  return (
    <Stack gap="lg" maw={760} mx="auto">
      <div>
        <Title order={1} data-testid="page-title">
          {t('certificateVerify.title')}
        </Title>
        <Text c="dimmed">{t('certificateVerify.intro')}</Text>
      </div>
      <Card withBorder padding="lg">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <SegmentedControl
              value={mode}
              onChange={(value) => setMode(value as 'number' | 'payload')}
              data={[
                { value: 'number', label: t('certificateVerify.byNumber') },
                { value: 'payload', label: t('certificateVerify.byPayload') },
              ]}
            />
            {mode === 'number' ? (
              <TextInput
                label={t('certificateVerify.number')}
                description={t('certificateVerify.numberHint')}
                value={number}
                onChange={(event) => setNumber(event.currentTarget.value)}
                dir="ltr"
                maxLength={40}
                data-testid="verify-number"
              />
            ) : (
              <Textarea
                label={t('certificateVerify.payload')}
                description={t('certificateVerify.payloadHint')}
                value={payload}
                onChange={(event) => setPayload(event.currentTarget.value)}
                dir="ltr"
                autosize
                minRows={3}
                maxLength={4000}
                data-testid="verify-payload"
              />
            )}
            <Group justify="flex-end">
              <Button
                type="submit"
                loading={answer.isFetching}
                disabled={(mode === 'number' ? number : payload).trim().length < 5}
                data-testid="verify-submit"
              >
                {t('certificateVerify.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      {answer.isFetching && !answer.data && <LoadingState />}
      <ApiErrorAlert error={answer.error} />
      {answer.data && !answer.error && (
        <Answer answer={answer.data} payload={lookup?.by === 'payload' ? lookup.payload : null} />
      )}
    </Stack>
  );
}
