import { Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from './api-error-alert.js';

interface FormModalProps {
  title: string;
  submitLabel: string;
  onClose: () => void;
  onSubmit: () => void;
  pending: boolean;
  error: unknown;
  canSubmit?: boolean;
  children: ReactNode;
}

/** A modal holding one form: its fields, the API's error in the UI language, cancel and submit. */
export function FormModal({
  title,
  submitLabel,
  onClose,
  onSubmit,
  pending,
  error,
  canSubmit = true,
  children,
}: FormModalProps) {
  const { t } = useTranslation();
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <Modal opened onClose={onClose} title={title} centered size="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          {children}
          <ApiErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending} disabled={!canSubmit}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
