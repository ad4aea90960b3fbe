import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OwnedParcel } from '../api/parcels.js';
import { useFormat } from '../hooks/use-format.js';
import { FactList } from './fact-list.js';
import { LtrText } from './ltr-text.js';
import { useParcelFacts } from './parcel-facts.js';

export function ParcelCard({ parcel }: { parcel: OwnedParcel }) {
  const { t } = useTranslation();
  const format = useFormat();
  const facts = useParcelFacts(parcel);
  const detailPath = `/cartable/parcels/${parcel.id}`;
  return (
    <Card withBorder padding="md" radius="md" data-testid="parcel-row">
      <Stack gap="sm" h="100%">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text size="xs" c="dimmed">
              {t('parcel.renewalCode')}
            </Text>
            <Anchor component={Link} to={detailPath} fw={700} size="lg" data-testid="renewal-code">
              <LtrText>{format.digits(parcel.renewalCode)}</LtrText>
            </Anchor>
          </div>
          <Badge variant="light" color="teal">
            {format.code('landUse', parcel.landUse)}
          </Badge>
        </Group>
        <Text size="sm" fw={500}>
          {parcel.address ?? t('parcel.noAddress')}
        </Text>
        <FactList
          facts={[...facts, { label: t('parcel.share'), value: format.share(parcel.share) }]}
          labelWidth={110}
        />
        <Group justify="flex-end" mt="auto">
          <Anchor component={Link} to={detailPath} size="sm">
            {t('parcel.showDetail')}
          </Anchor>
        </Group>
      </Stack>
    </Card>
  );
}
