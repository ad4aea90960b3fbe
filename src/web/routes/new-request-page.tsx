import { Anchor, Button, Card, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useCreateCase, useServices } from '../api/cases.js';
import { useParcel } from '../api/parcels.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { CaseErrorAlert } from '../components/cases/case-error-alert.js';
import { LoadingState } from '../components/loading-state.js';
import { isolateLtr } from '../format.js';
import { useFormat } from '../hooks/use-format.js';

/** «New request» for one of the citizen's parcels: pick a service live in its district; a draft opens. */
export function NewRequestPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const parcel = useParcel(id);
  const services = useServices(parcel.data?.districtId, parcel.data !== undefined);
  const create = useCreateCase();
  const [serviceCode, setServiceCode] = useState<string | null>(null);

  function start() {
    if (!serviceCode || !parcel.data) return;
    create.mutate(
      { serviceCode, parcelId: parcel.data.id },
      { onSuccess: (detail) => void navigate(`/cases/${detail.id}`) },
    );
  }

  return (
    <Stack gap="md" maw={760}>
      <Anchor component={Link} to={`/cartable/parcels/${id}`} size="sm">
        {t('parcel.backToCartable')}
      </Anchor>
      <div>
        <Title order={1} data-testid="page-title">
          {t('newRequest.title')}
        </Title>
        {parcel.data && (
          <Text c="dimmed">
            {t('newRequest.forParcel', { code: isolateLtr(format.digits(parcel.data.renewalCode)) })}
            {parcel.data.address ? ` — ${parcel.data.address}` : ''}
          </Text>
        )}
      </div>
      {(parcel.isPending || services.isLoading) && <LoadingState />}
      <ApiErrorAlert error={parcel.error ?? services.error} />
      {services.data?.length === 0 && <Text c="dimmed">{t('newRequest.noServices')}</Text>}
      {services.data && services.data.length > 0 && (
        <Card withBorder padding="lg">
          <Stack gap="md">
            <Radio.Group
              label={t('newRequest.pickService')}
              description={t('newRequest.pickServiceHint')}
              value={serviceCode}
              onChange={setServiceCode}
              size="md"
            >
              <Stack gap="sm" mt="sm" data-testid="services">
                {services.data.map((service) => (
                  <Radio.Card
                    key={service.code}
                    value={service.code}
                    p="md"
                    radius="md"
                    data-testid="service"
                  >
                    <Group wrap="nowrap" align="flex-start">
                      <Radio.Indicator />
                      <div>
                        <Text fw={600}>{service.name}</Text>
                        <Text size="sm" c="dimmed">
                          {t('newRequest.documentsNeeded', {
                            number: format.number(service.documents.filter((d) => d.required).length),
                          })}
                        </Text>
                      </div>
                    </Group>
                  </Radio.Card>
                ))}
              </Stack>
            </Radio.Group>
            <Text size="sm" c="dimmed">
              {t('newRequest.draftNote')}
            </Text>
            <CaseErrorAlert error={create.error} />
            <Group justify="flex-end">
              <Button
                onClick={start}
                disabled={!serviceCode}
                loading={create.isPending}
                data-testid="start-request"
              >
                {t('newRequest.start')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
