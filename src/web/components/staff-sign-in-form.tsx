import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { signInWithPassword } from '../api/auth.js';
import { ApiError } from '../api/client.js';
import { fieldErrorsOf } from '../hooks/use-field-errors.js';
import { useSignedIn } from '../hooks/use-signed-in.js';
import { ApiErrorAlert } from './api-error-alert.js';

export function StaffSignInForm() {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({ mutationFn: signInWithPassword, onSuccess: useSignedIn() });
  const hasError = fieldErrorsOf(signIn.error);
  const wrongCredentials = signIn.error instanceof ApiError && signIn.error.code === 'invalid_credentials';

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate({ username, password });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          name="username"
          label={t('signIn.username')}
          value={username}
          onChange={(event) => setUsername(event.currentTarget.value)}
          error={hasError('username') || wrongCredentials}
          autoComplete="username"
          dir="ltr"
          data-autofocus
        />
        <PasswordInput
          name="password"
          label={t('signIn.password')}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={hasError('password') || wrongCredentials}
          autoComplete="current-password"
          dir="ltr"
        />
        <ApiErrorAlert error={signIn.error} />
        <Button type="submit" loading={signIn.isPending} disabled={!username.trim() || !password}>
          {t('signIn.submit')}
        </Button>
      </Stack>
    </form>
  );
}
