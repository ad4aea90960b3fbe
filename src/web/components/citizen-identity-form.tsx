import { Button, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OtpChallenge, requestCitizenOtp } from '../api/auth.js';
import { fieldErrorsOf } from '../hooks/use-field-errors.js';
import { ApiErrorAlert } from './api-error-alert.js';

export interface CitizenIdentity {
  nationalId: string;
  mobile: string;
}

interface CitizenIdentityFormProps {
  initial: CitizenIdentity;
  onCodeSent: (challenge: OtpChallenge, identity: CitizenIdentity) => void;
}

export function CitizenIdentityForm({ initial, onCodeSent }: CitizenIdentityFormProps) {
  const { t } = useTranslation();
  const [nationalId, setNationalId] = useState(initial.nationalId);
  const [mobile, setMobile] = useState(initial.mobile);
  const sendCode = useMutation({
    mutationFn: requestCitizenOtp,
    onSuccess: (challenge, identity) => onCodeSent(challenge, identity),
  });
  const hasError = fieldErrorsOf(sendCode.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    sendCode.mutate({ nationalId, mobile });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          name="nationalId"
          label={t('signIn.nationalId')}
          description={t('signIn.nationalIdHint')}
          value={nationalId}
          onChange={(event) => setNationalId(event.currentTarget.value)}
          error={hasError('nationalId')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          dir="ltr"
          data-autofocus
        />
        <TextInput
          name="mobile"
          label={t('signIn.mobile')}
          description={t('signIn.mobileHint')}
          value={mobile}
          onChange={(event) => setMobile(event.currentTarget.value)}
          error={hasError('mobile')}
          inputMode="tel"
          autoComplete="tel"
          maxLength={16}
          dir="ltr"
        />
        <ApiErrorAlert error={sendCode.error} />
        <Button type="submit" loading={sendCode.isPending} disabled={!nationalId.trim() || !mobile.trim()}>
          {t('signIn.sendCode')}
        </Button>
      </Stack>
    </form>
  );
}
