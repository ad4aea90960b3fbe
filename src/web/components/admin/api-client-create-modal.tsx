import { MultiSelect, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiClientWithSecret, useCreateApiClient } from '../../api/admin-api-clients.js';
import { API_CLIENT_KINDS, API_SCOPES } from '../../api/codes.js';
import { fieldErrorsOf } from '../../hooks/use-field-errors.js';
import { useFormat } from '../../hooks/use-format.js';
import { FormModal } from '../form-modal.js';

interface ApiClientCreateModalProps {
  onClose: () => void;
  onCreated: (created: ApiClientWithSecret) => void;
}

export function ApiClientCreateModal({ onClose, onCreated }: ApiClientCreateModalProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string | null>(null);
  const [scopes, setScopes] = useState<string[]>(['inquiries']);
  const create = useCreateApiClient();
  const hasError = fieldErrorsOf(create.error);

  return (
    <FormModal
      title={t('apiClients.add')}
      submitLabel={t('common.add')}
      onClose={onClose}
      onSubmit={() => kind && create.mutate({ name: name.trim(), kind, scopes }, { onSuccess: onCreated })}
      pending={create.isPending}
      error={create.error}
      canSubmit={Boolean(name.trim() && kind && scopes.length > 0)}
    >
      <TextInput
        label={t('apiClients.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={hasError('name')}
        data-autofocus
      />
      <Select
        label={t('apiClients.kind')}
        data={API_CLIENT_KINDS.map((code) => ({ value: code, label: format.code('apiClientKinds', code) }))}
        value={kind}
        onChange={setKind}
        error={hasError('kind')}
      />
      <MultiSelect
        label={t('apiClients.scopes')}
        data={API_SCOPES.map((code) => ({ value: code, label: format.code('scopes', code) }))}
        value={scopes}
        onChange={setScopes}
        error={hasError('scopes')}
      />
    </FormModal>
  );
}
