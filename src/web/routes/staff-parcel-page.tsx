import { Anchor, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type ParcelDetail, useParcel } from '../api/parcels.js';
import { type Me, useMe } from '../api/session.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { ViolationsCard } from '../components/inquiries/violations-card.js';
import { LoadingState } from '../components/loading-state.js';
import { LtrText } from '../components/ltr-text.js';
import { ParcelDetailsCard, ParcelOwnersCard } from '../components/parcel-cards.js';
import { useFormat } from '../hooks/use-format.js';

function StaffParcelView({ parcel, me }: { parcel: ParcelDetail; me: Me }) {
  const { t } = useTranslation();
  const format = useFormat();
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
        <ParcelDetailsCard parcel={parcel} />
        <ParcelOwnersCard parcel={parcel} />
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
