import { Card, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MunicipalityOverview } from '../../api/admin-municipality.js';
import { useFormat } from '../../hooks/use-format.js';

const COUNTS = ['districts', 'staff', 'offices', 'apiClients', 'parcels', 'citizens'] as const;

export function MunicipalityCounts({ counts }: { counts: MunicipalityOverview['counts'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
      {COUNTS.map((name) => (
        <Card key={name} withBorder padding="md" data-testid={`count-${name}`}>
          <Text size="xs" c="dimmed">
            {t(`admin.counts.${name}`)}
          </Text>
          <Text size="xl" fw={700} data-testid="count-value">
            {format.number(counts[name])}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}
