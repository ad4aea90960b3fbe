import { Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { homePathOf, useMe } from '../api/session.js';

export function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  return (
    <Stack gap="lg" maw={760} mx="auto" py="xl">
      <Title order={1}>{t('home.title')}</Title>
      <Text size="lg">{t('home.intro')}</Text>
      <Card withBorder padding="lg">
        <List spacing="xs">
          <List.Item>{t('home.pointCartable')}</List.Item>
          <List.Item>{t('home.pointOffices')}</List.Item>
          <List.Item>{t('home.pointStaff')}</List.Item>
        </List>
      </Card>
      <Card withBorder padding="lg" data-testid="home-map">
        <Group justify="space-between" align="center">
          <Stack gap={4} style={{ flex: 1, minWidth: 240 }}>
            <Title order={2} size="h4">
              {t('home.mapTitle')}
            </Title>
            <Text c="dimmed">{t('home.mapHint')}</Text>
          </Stack>
          <Button component={Link} to="/map" variant="light">
            {t('home.openMap')}
          </Button>
        </Group>
      </Card>
      <Card withBorder padding="lg" data-testid="home-track">
        <Group justify="space-between" align="center">
          <Stack gap={4} style={{ flex: 1, minWidth: 240 }}>
            <Title order={2} size="h4">
              {t('home.trackTitle')}
            </Title>
            <Text c="dimmed">{t('home.trackHint')}</Text>
          </Stack>
          <Button component={Link} to="/track" variant="light">
            {t('home.openTrack')}
          </Button>
        </Group>
      </Card>
      {me ? (
        <Group>
          <Button component={Link} to={homePathOf(me)} size="md">
            {t('home.continueAs', { name: me.name })}
          </Button>
        </Group>
      ) : (
        <Group>
          <Button component={Link} to="/signin?as=citizen" size="md">
            {t('home.signInCitizen')}
          </Button>
          <Button component={Link} to="/signin?as=staff" size="md" variant="light">
            {t('home.signInStaff')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
