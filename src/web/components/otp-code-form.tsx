import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OtpChallenge, requestCitizenOtp, verifyCitizenOtp } from '../api/auth.js';
import type { Me } from '../api/session.js';
import { formatCountdown, toLatinDigits } from '../format.js';
import { useCountdown } from '../hooks/use-countdown.js';
import { fieldErrorsOf } from '../hooks/use-field-errors.js';
import { useFormat } from '../hooks/use-format.js';
import { ApiErrorAlert } from './api-error-alert.js';
import type { CitizenIdentity } from './citizen-identity-form.js';
import { LtrText } from './ltr-text.js';

const CODE_LENGTH = 6;

interface OtpCodeFormProps {
  identity: CitizenIdentity;
  challenge: OtpChallenge;
  resendAt: number;
  onResent: (challenge: OtpChallenge) => void;
  onChangeIdentity: () => void;
  onSignedIn: (me: Me) => void;
}

export function OtpCodeForm({
  identity,
  challenge,
  resendAt,
  onResent,
  onChangeIdentity,
  onSignedIn,
}: OtpCodeFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [code, setCode] = useState('');
  const secondsToResend = useCountdown(resendAt);
  const verify = useMutation({ mutationFn: verifyCitizenOtp, onSuccess: onSignedIn });
  const resend = useMutation({
    mutationFn: () => requestCitizenOtp(identity),
    onSuccess: (next) => {
      setCode('');
      verify.reset();
      onResent(next);
    },
  });
  const hasError = fieldErrorsOf(verify.error);
  const codeComplete = toLatinDigits(code).replace(/\D/g, '').length === CODE_LENGTH;

  function submit(event: FormEvent) {
    event.preventDefault();
    verify.mutate({ challengeId: challenge.challengeId, code: toLatinDigits(code).replace(/\D/g, '') });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          {t('signIn.codeSentTo')} <LtrText>{format.digits(identity.mobile)}</LtrText>
        </Text>
        <TextInput
          name="code"
          label={t('signIn.code')}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          error={hasError('code') || verify.error !== null}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={CODE_LENGTH}
          dir="ltr"
          size="lg"
          styles={{ input: { letterSpacing: '0.4em', textAlign: 'center' } }}
          data-autofocus
        />
        <ApiErrorAlert error={verify.error ?? resend.error} />
        <Button type="submit" loading={verify.isPending} disabled={!codeComplete}>
          {t('signIn.verify')}
        </Button>
        <Group justify="space-between">
          <Anchor component="button" type="button" size="sm" onClick={onChangeIdentity}>
            {t('signIn.changeNumber')}
          </Anchor>
          {secondsToResend > 0 ? (
            <Text size="sm" c="dimmed" data-testid="resend-countdown">
              {t('signIn.resendIn', { time: formatCountdown(secondsToResend, format.language) })}
            </Text>
          ) : (
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => resend.mutate()}
              disabled={resend.isPending}
            >
              {t('signIn.resend')}
            </Anchor>
          )}
        </Group>
      </Stack>
    </form>
  );
}
