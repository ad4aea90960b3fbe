import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/session.js';
import { FactList } from '../components/fact-list.js';
import { useFormat } from '../hooks/use-format.js';

export function StaffHomePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data: me } = useMe();
  if (!me) return null;
  const roles = me.roles.filter((role) => !role.includes(':'));
  const districtLabel = me.district
    ? [format.district(me.district.number), me.district.name]
        .filter((part, i, all) => all.indexOf(part) === i)
        .join(' — ')
    : t(me.districtId ? 'staffHome.districtAssigned' : 'staffHome.wholeCity');
  const officeKind = me.roles.find((role) => role.startsWith('office:'))?.slice('office:'.length);
  return (
    <Stack gap="lg">
      <Title order={1} data-testid="page-title">
        {t(me.kind === 'office' ? 'staffHome.officeTitle' : 'staffHome.title')}
      </Title>
      <Card withBorder padding="lg" maw={560}>
        <Stack gap="md">
          <Text size="lg" fw={600}>
            {t('staffHome.greeting', { name: me.name })}
          </Text>
          <FactList
            facts={[
              { label: t('staffHome.municipality'), value: me.municipality.name },
              {
                label: t('staffHome.roles'),
                value: (
                  <Group gap={4}>
                    {roles.map((role) => (
                      <Badge key={role} variant="light">
                        {format.code('roles', role)}
                      </Badge>
                    ))}
                  </Group>
                ),
              },
              ...(me.kind === 'staff' ? [{ label: t('staffHome.district'), value: districtLabel }] : []),
              ...(officeKind
                ? [{ label: t('staffHome.officeKind'), value: format.code('officeKinds', officeKind) }]
                : []),
            ]}
          />
          <Text c="dimmed" size="sm">
            {t('staffHome.comingSoon')}
          </Text>
        </Stack>
      </Card>
    </Stack>
  );
}
