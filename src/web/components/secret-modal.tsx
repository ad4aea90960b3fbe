import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LtrText } from './ltr-text.js';

interface SecretModalProps {
  clientId: string;
  secret: string;
  onClose: () => void;
}

/** Shows an API client's new secret the one time the server reveals it. */
export function SecretModal({ clientId, secret, onClose }: SecretModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('apiClients.secretTitle')}
      centered
      closeOnClickOutside={false}
      size="lg"
    >
      <Stack>
        <Alert color="orange" variant="light" title={t('apiClients.secretWarningTitle')}>
          {t('apiClients.secretWarning')}
        </Alert>
        <Text size="sm">
          {t('apiClients.clientId')}: <LtrText>{clientId}</LtrText>
        </Text>
        <Code block dir="ltr" data-testid="client-secret" style={{ wordBreak: 'break-all' }}>
          {secret}
        </Code>
        <Group justify="space-between">
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button color={copied ? 'teal' : 'blue'} variant="light" onClick={copy}>
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t('apiClients.secretStored')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
