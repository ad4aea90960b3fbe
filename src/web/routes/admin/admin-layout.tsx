import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';

const SECTIONS = [
  { path: '/admin', label: 'admin.nav.municipality' },
  { path: '/admin/districts', label: 'admin.nav.districts' },
  { path: '/admin/staff', label: 'admin.nav.staff' },
  { path: '/admin/offices', label: 'admin.nav.offices' },
  { path: '/admin/api-clients', label: 'admin.nav.apiClients' },
  { path: '/admin/services', label: 'serviceAdmin.navLabel' },
  { path: '/admin/inquiry-settings', label: 'inquiries.settings.navLabel' },
] as const;

export function AdminLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const here = location.pathname.replace(/\/$/, '');
  // A section's own pages (a service being edited) keep its tab.
  const current =
    SECTIONS.find((section) => section.path === here)?.path ??
    SECTIONS.find((section) => section.path !== '/admin' && here.startsWith(`${section.path}/`))?.path ??
    '/admin';
  return (
    <Stack gap="lg">
      <Title order={1}>{t('admin.title')}</Title>
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
