import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type ParcelDetail, useParcel } from '../api/parcels.js';
import { type Me, useMe } from '../api/session.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { FactList } from '../components/fact-list.js';
import { ViolationsCard } from '../components/inquiries/violations-card.js';
import { LoadingState } from '../components/loading-state.js';
import { LtrText } from '../components/ltr-text.js';
import { OwnersTable } from '../components/owners-table.js';
import { useParcelFacts } from '../components/parcel-facts.js';
import { useFormat } from '../hooks/use-format.js';

function StaffParcelView({ parcel, me }: { parcel: ParcelDetail; me: Me }) {
  const { t } = useTranslation();
  const format = useFormat();
  const facts = useParcelFacts(parcel);
  return (
    <Stack gap="lg">
      <div>
        <Text c="dimmed" size="sm">
          {t('parcel.renewalCode')}
        </Text>
        <Title order={1} data-testid="page-title">
          <LtrText>{format.digits(parcel.renewalCode)}</LtrText>
        </Title>
      </div>
      <ViolationsCard parcelId={parcel.id} me={me} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder padding="lg">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('parcel.details')}
            </Title>
            <Text fw={500}>{parcel.address ?? t('parcel.noAddress')}</Text>
            <FactList facts={facts} />
          </Stack>
        </Card>
        <Card withBorder padding="lg">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('owners.title')}
            </Title>
            <OwnersTable owners={parcel.owners} />
          </Stack>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

/** District staff's view of a parcel: its record (violations, Article 100 cases), facts and owners. */
export function StaffParcelPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: me } = useMe();
  const parcel = useParcel(id);
  if (!me) return null;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/staff" size="sm">
        {t('case.backToQueue')}
      </Anchor>
      {parcel.isPending && <LoadingState />}
      <ApiErrorAlert error={parcel.error} />
      {parcel.data && <StaffParcelView parcel={parcel.data} me={me} />}
    </Stack>
  );
}
