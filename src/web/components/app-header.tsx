import { Anchor, Button, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { usePublicMunicipality } from '../api/municipality.js';
import { homePathOf, useMe } from '../api/session.js';
import { useLanguage } from '../hooks/use-language.js';
import { LanguageSwitcher } from './language-switcher.js';
import { UserMenu } from './user-menu.js';

const FINANCE_READERS: ReadonlySet<string> = new Set(['finance', 'oversight', 'admin']);

export function AppHeader() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { data: me } = useMe();
  const { data: municipality } = usePublicMunicipality();
  const { pathname } = useLocation();
  const municipalityName = me ? me.municipality.name : municipality?.names[language];
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Anchor component={Link} to={me ? homePathOf(me) : '/'} underline="never" c="inherit">
        <Group gap="xs" wrap="nowrap">
          <Title order={3} c="teal.8">
            {t('app.name')}
          </Title>
          {municipalityName && (
            <Text c="dimmed" size="sm" visibleFrom="xs" data-testid="municipality-name">
              {municipalityName}
            </Text>
          )}
        </Group>
      </Anchor>
      <Group gap="sm" wrap="nowrap">
        {me?.kind === 'citizen' && (
          <Button
            component={Link}
            to="/cases"
            variant={pathname.startsWith('/cases') ? 'light' : 'subtle'}
            size="compact-sm"
            visibleFrom="sm"
            data-testid="my-requests-link"
          >
            {t('nav.myRequests')}
          </Button>
        )}
        {me?.kind === 'staff' && me.roles.some((role) => FINANCE_READERS.has(role)) && (
          <Button
            component={Link}
            to="/finance"
            variant={pathname.startsWith('/finance') ? 'light' : 'subtle'}
            size="compact-sm"
            visibleFrom="sm"
            data-testid="finance-link"
          >
            {t('dues.nav.finance')}
          </Button>
        )}
        {(me?.kind === 'citizen' || me?.kind === 'office') && (
          <Button
            component={Link}
            to="/payments"
            variant={pathname === '/payments' ? 'light' : 'subtle'}
            size="compact-sm"
            visibleFrom="sm"
            data-testid="payments-link"
          >
            {t('dues.nav.history')}
          </Button>
        )}
        {!me && (
          <Button
            component={Link}
            to="/pay"
            variant={pathname === '/pay' ? 'light' : 'subtle'}
            size="compact-sm"
            visibleFrom="sm"
            data-testid="pay-link"
          >
            {t('dues.nav.payByIds')}
          </Button>
        )}
        <Button
          component={Link}
          to="/track"
          variant={pathname === '/track' ? 'light' : 'subtle'}
          size="compact-sm"
          visibleFrom="sm"
          data-testid="track-link"
        >
          {t('nav.track')}
        </Button>
        <Button
          component={Link}
          to="/verify"
          variant={pathname === '/verify' ? 'light' : 'subtle'}
          size="compact-sm"
          visibleFrom="sm"
          data-testid="verify-link"
        >
          {t('certificateVerify.navLink')}
        </Button>
        <Button
          component={Link}
          to="/map"
          variant={pathname === '/map' ? 'light' : 'subtle'}
          size="compact-sm"
          data-testid="map-link"
        >
          {t('nav.map')}
        </Button>
        <LanguageSwitcher />
        {me && me.kind !== 'api_client' && <UserMenu me={me} />}
      </Group>
    </Group>
  );
}
