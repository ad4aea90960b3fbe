import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';

const SECTIONS = [
  { path: '/finance', label: 'dues.finance.nav.assessments' },
  { path: '/finance/tariffs', label: 'dues.finance.nav.tariffs' },
  { path: '/finance/payments', label: 'dues.finance.nav.payments' },
] as const;

/** Finance staff's desk for renewal dues: assessments, tariffs, and the money side of payments. */
export function FinanceLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const here = location.pathname.replace(/\/$/, '');
  const current = SECTIONS.find((section) => section.path === here)?.path ?? '/finance';
  return (
    <Stack gap="lg">
      <Title order={1} data-testid="page-title">
        {t('dues.finance.title')}
      </Title>
      <Tabs value={current} onChange={(path) => path && void navigate(path)}>
        <Tabs.List>
          {SECTIONS.map((section) => (
            <Tabs.Tab key={section.path} value={section.path}>
              {t(section.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </Stack>
  );
}
