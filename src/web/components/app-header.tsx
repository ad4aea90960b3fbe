import { Anchor, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { homePathOf, useMe } from '../api/session.js';
import { LanguageSwitcher } from './language-switcher.js';
import { UserMenu } from './user-menu.js';

export function AppHeader() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Anchor component={Link} to={me ? homePathOf(me) : '/'} underline="never" c="inherit">
        <Group gap="xs" wrap="nowrap">
          <Title order={3} c="teal.8">
            {t('app.name')}
          </Title>
          {me && (
            <Text c="dimmed" size="sm" visibleFrom="xs" data-testid="municipality-name">
              {me.municipality.name}
            </Text>
          )}
        </Group>
      </Anchor>
      <Group gap="sm" wrap="nowrap">
        <LanguageSwitcher />
        {me && me.kind !== 'api_client' && <UserMenu me={me} />}
      </Group>
    </Group>
  );
}
