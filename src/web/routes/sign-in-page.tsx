import { Anchor, Card, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useSmsSimulatorAvailable } from '../api/dev-sms.js';
import { homePathOf, useMe } from '../api/session.js';
import { CitizenSignIn } from '../components/citizen-sign-in.js';
import { LoadingState } from '../components/loading-state.js';
import { StaffSignInForm } from '../components/staff-sign-in-form.js';

const TABS = ['citizen', 'staff'] as const;
type SignInTab = (typeof TABS)[number];

export function SignInPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  const [searchParams, setSearchParams] = useSearchParams();
  const smsSimulator = useSmsSimulatorAvailable();
  const requested = searchParams.get('as');
  const tab: SignInTab = requested === 'staff' ? 'staff' : 'citizen';

  if (isPending) return <LoadingState />;
  if (me) return <Navigate to={homePathOf(me)} replace />;

  function selectTab(value: string | null) {
    const next = new URLSearchParams(searchParams);
    next.set('as', value === 'staff' ? 'staff' : 'citizen');
    setSearchParams(next, { replace: true });
  }

  return (
    <Stack maw={440} mx="auto" py="lg">
      <Title order={2}>{t('signIn.title')}</Title>
      <Card withBorder padding="lg">
        <Tabs value={tab} onChange={selectTab} keepMounted={false}>
          <Tabs.List grow mb="md">
            <Tabs.Tab value="citizen">{t('signIn.citizenTab')}</Tabs.Tab>
            <Tabs.Tab value="staff">{t('signIn.staffTab')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="citizen">
            <CitizenSignIn />
          </Tabs.Panel>
          <Tabs.Panel value="staff">
            <StaffSignInForm />
          </Tabs.Panel>
        </Tabs>
      </Card>
      {smsSimulator && (
        <Text size="sm" c="dimmed" ta="center">
          {t('signIn.devSmsHint')}{' '}
          <Anchor component={Link} to="/dev/sms" target="_blank">
            {t('devSms.title')}
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}
