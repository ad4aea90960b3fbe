import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParcelDetail } from '../api/parcels.js';
import { FactList } from './fact-list.js';
import { OwnersTable } from './owners-table.js';
import { useParcelFacts } from './parcel-facts.js';

/** A parcel's address and facts (area, land use, plate, …), as citizens and staff see them. */
export function ParcelDetailsCard({ parcel }: { parcel: ParcelDetail }) {
  const { t } = useTranslation();
  const facts = useParcelFacts(parcel);
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('parcel.details')}
        </Title>
        <Text fw={500}>{parcel.address ?? t('parcel.noAddress')}</Text>
        <FactList facts={facts} />
      </Stack>
    </Card>
  );
}

/** A parcel's owners with their shares. */
export function ParcelOwnersCard({ parcel }: { parcel: ParcelDetail }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('owners.title')}
        </Title>
        <OwnersTable owners={parcel.owners} />
      </Stack>
    </Card>
  );
}
