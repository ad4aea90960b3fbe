import { Alert, Anchor, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../hooks/use-format.js';
import { LtrText } from '../ltr-text.js';

/** Shown once a request is submitted: its tracking code and file number, large, and where to follow it. */
export function TrackingCodeCard({
  trackingCode,
  fileNumber,
}: {
  trackingCode: string;
  fileNumber: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Alert color="teal" variant="light" title={t('case.submittedTitle')} data-testid="submitted">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <div>
            <Text size="sm" c="dimmed">
              {t('case.trackingCode')}
            </Text>
            <Text fz={28} fw={800} c="teal.9" data-testid="tracking-code" style={{ letterSpacing: '0.06em' }}>
              <LtrText>{format.digits(trackingCode)}</LtrText>
            </Text>
          </div>
          {fileNumber && (
            <div>
              <Text size="sm" c="dimmed">
                {t('case.fileNumber')}
              </Text>
              <Text fz={28} fw={800} c="teal.9" data-testid="file-number" style={{ letterSpacing: '0.06em' }}>
                <LtrText>{format.digits(fileNumber)}</LtrText>
              </Text>
            </div>
          )}
        </SimpleGrid>
        <Text size="sm">{t('case.submittedHint')}</Text>
        <Group>
          <Anchor component={Link} to={`/track?code=${encodeURIComponent(trackingCode)}`} size="sm">
            {t('case.trackLink')}
          </Anchor>
        </Group>
      </Stack>
    </Alert>
  );
}
