import { Anchor, Badge, Button, Card, Divider, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ParcelDetail } from '../api/parcels.js';
import { useParcel } from '../api/parcels.js';
import { useParcelZoning } from '../api/zoning.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { ParcelDuesCard } from '../components/dues/dues-card.js';
import { ClearanceCard } from '../components/inquiries/clearance-card.js';
import { LoadingState } from '../components/loading-state.js';
import { LtrText } from '../components/ltr-text.js';
import { ParcelDetailsCard, ParcelOwnersCard } from '../components/parcel-cards.js';
import { ParcelShape } from '../components/parcel-shape.js';
import { BuildingCheckForm } from '../components/zoning/building-check.js';
import { MapPatterns } from '../components/zoning/map-legend.js';
import { ParcelZoningView } from '../components/zoning/zoning-panel.js';
import { useFormat } from '../hooks/use-format.js';

function ParcelDetailView({ parcel }: { parcel: ParcelDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Text c="dimmed" size="sm">
            {t('parcel.renewalCode')}
          </Text>
          <Title order={1} data-testid="page-title">
            <LtrText>{format.digits(parcel.renewalCode)}</LtrText>
          </Title>
        </div>
        <Group gap="sm">
          <Badge size="lg" variant="light">
            {format.code('landUse', parcel.landUse)}
          </Badge>
          <Button
            component={Link}
            to={`/cartable/parcels/${parcel.id}/new-request`}
            data-testid="new-request"
          >
            {t('parcel.newRequest')}
          </Button>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ParcelDetailsCard parcel={parcel} />
        <Card withBorder padding="lg">
          <Stack gap="sm" align="center">
            <Title order={2} size="h4" style={{ alignSelf: 'stretch' }}>
              {t('parcel.shape')}
            </Title>
            <ParcelShape geometry={parcel.geometry} />
          </Stack>
        </Card>
      </SimpleGrid>
      <ParcelOwnersCard parcel={parcel} />
      <ParcelDuesCard parcelId={parcel.id} />
      <ClearanceCard parcelId={parcel.id} />
      <WhatMayIBuild parcel={parcel} />
    </Stack>
  );
}

/** «What may I build here?»: the parcel's zoning, and a proposal checked against it with its fees. */
function WhatMayIBuild({ parcel }: { parcel: ParcelDetail }) {
  const { t } = useTranslation();
  const zoning = useParcelZoning(parcel.id);
  return (
    <Card withBorder padding="lg" data-testid="what-may-i-build">
      <MapPatterns />
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h3">
              {t('building.title')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('building.intro')}
            </Text>
          </div>
          <Button
            component={Link}
            to={`/map?parcel=${encodeURIComponent(parcel.renewalCode)}`}
            variant="light"
            size="sm"
          >
            {t('building.showOnMap')}
          </Button>
        </Group>
        {zoning.isPending && <LoadingState />}
        <ApiErrorAlert error={zoning.error} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
          <div>{zoning.data && <ParcelZoningView zoning={zoning.data} showParcel={false} />}</div>
          <div>
            <Divider hiddenFrom="md" mb="md" />
            <BuildingCheckForm
              parcelId={parcel.id}
              landUse={parcel.landUse}
              limits={zoning.data?.limits ?? null}
            />
          </div>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

export function ParcelPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const parcel = useParcel(id);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/cartable" size="sm">
        {t('parcel.backToCartable')}
      </Anchor>
      {parcel.isPending && <LoadingState />}
      <ApiErrorAlert error={parcel.error} />
      {parcel.data && <ParcelDetailView parcel={parcel.data} />}
    </Stack>
  );
}
