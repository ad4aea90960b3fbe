import { Button, Group, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateOperator } from '../../api/admin-offices.js';
import { fieldErrorsOf } from '../../hooks/use-field-errors.js';
import { ApiErrorAlert } from '../api-error-alert.js';

export function OperatorCreateForm({ officeId }: { officeId: string }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [fullName, setFullName] = useState('');
  const [password, setPassword] = useState('');
  const create = useCreateOperator(officeId);
  const hasError = fieldErrorsOf(create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { username: username.trim(), fullName: fullName.trim(), password },
      {
        onSuccess: () => {
          setUsername('');
          setFullName('');
          setPassword('');
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('admin.operators.add')}
        </Title>
        <Group grow align="flex-start">
          <TextInput
            label={t('admin.staff.username')}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            error={hasError('username')}
            dir="ltr"
          />
          <TextInput
            label={t('admin.staff.fullName')}
            value={fullName}
            onChange={(e) => setFullName(e.currentTarget.value)}
            error={hasError('fullName')}
          />
        </Group>
        <PasswordInput
          label={t('admin.staff.password')}
          description={t('admin.passwordHint')}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={hasError('password')}
          autoComplete="new-password"
          dir="ltr"
        />
        <ApiErrorAlert error={create.error} />
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={create.isPending}
            disabled={!username.trim() || !fullName.trim() || !password}
          >
            {t('common.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
