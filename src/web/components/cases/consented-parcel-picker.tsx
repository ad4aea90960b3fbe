import { Badge, Group, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useConsentParcels } from '../../api/cases.js';
import { useFormat } from '../../hooks/use-format.js';
import { ApiErrorAlert } from '../api-error-alert.js';
import { LoadingState } from '../loading-state.js';
import { LtrText } from '../ltr-text.js';

interface ConsentedParcelPickerProps {
  consentId: string;
  value: string | null;
  onChange: (parcelId: string) => void;
}

/**
 * The properties of the citizen who consented, as the server lists them for this consent only; one where the
 * service is not yet offered in its district is shown but cannot be chosen.
 */
export function ConsentedParcelPicker({ consentId, value, onChange }: ConsentedParcelPickerProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const parcels = useConsentParcels(consentId);
  if (parcels.isPending) return <LoadingState />;
  if (parcels.error) return <ApiErrorAlert error={parcels.error} />;
  if (parcels.data.parcels.length === 0) return <Text c="dimmed">{t('office.noParcels')}</Text>;
  return (
    <Radio.Group value={value} onChange={onChange} label={t('office.pickParcel')}>
      <Stack gap="xs" mt="xs" data-testid="consented-parcels">
        {parcels.data.parcels.map((parcel) => (
          <Radio.Card
            key={parcel.id}
            value={parcel.id}
            p="sm"
            radius="md"
            disabled={!parcel.serviceLive}
            data-testid="consented-parcel"
          >
            <Group wrap="nowrap" align="flex-start">
              <Radio.Indicator disabled={!parcel.serviceLive} />
              <Stack gap={2}>
                <Group gap="xs">
                  <Text fw={600}>
                    <LtrText>{format.digits(parcel.renewalCode)}</LtrText>
                  </Text>
                  <Badge variant="light" color="teal" size="sm">
                    {format.code('landUse', parcel.landUse)}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {format.district(parcel.districtNumber)} — {format.area(parcel.landAreaM2)} —{' '}
                  {format.share(parcel.share)}
                </Text>
                {parcel.address && <Text size="sm">{parcel.address}</Text>}
                {!parcel.serviceLive && (
                  <Text size="sm" c="orange">
                    {t('office.notLiveHere')}
                  </Text>
                )}
              </Stack>
            </Group>
          </Radio.Card>
        ))}
      </Stack>
    </Radio.Group>
  );
}
