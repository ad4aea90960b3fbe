import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack align="center" py="xl" gap="md">
      <Title order={1} c="dimmed">
        {t('notFound.code')}
      </Title>
      <Title order={2}>{t('notFound.title')}</Title>
      <Text c="dimmed">{t('notFound.hint')}</Text>
      <Button component={Link} to="/">
        {t('common.backHome')}
      </Button>
    </Stack>
  );
}
