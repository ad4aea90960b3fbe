import { Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MunicipalityOverview, useUpdateMunicipality } from '../../api/admin-municipality.js';
import { fieldErrorsOf } from '../../hooks/use-field-errors.js';
import { ApiErrorAlert } from '../api-error-alert.js';

const TIME_ZONES = Intl.supportedValuesOf('timeZone');

export function MunicipalityForm({ municipality }: { municipality: MunicipalityOverview }) {
  const { t } = useTranslation();
  const [nameFa, setNameFa] = useState(municipality.nameFa);
  const [nameEn, setNameEn] = useState(municipality.nameEn);
  const [nameVi, setNameVi] = useState(municipality.nameVi);
  const [timezone, setTimezone] = useState(municipality.timezone);
  const update = useUpdateMunicipality();
  const hasError = fieldErrorsOf(update.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate({ nameFa, nameEn, nameVi, timezone });
  }

  return (
    <Card withBorder padding="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4">
            {t('admin.municipality.edit')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('admin.municipality.code')}: {municipality.code}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('admin.nameFa')}
              value={nameFa}
              onChange={(e) => setNameFa(e.currentTarget.value)}
              error={hasError('nameFa')}
              dir="rtl"
            />
            <TextInput
              label={t('admin.nameEn')}
              value={nameEn}
              onChange={(e) => setNameEn(e.currentTarget.value)}
              error={hasError('nameEn')}
              dir="ltr"
            />
            <TextInput
              label={t('admin.nameVi')}
              value={nameVi}
              onChange={(e) => setNameVi(e.currentTarget.value)}
              error={hasError('nameVi')}
              dir="ltr"
            />
          </SimpleGrid>
          <Select
            label={t('admin.municipality.timezone')}
            data={TIME_ZONES}
            value={timezone}
            onChange={(value) => value && setTimezone(value)}
            error={hasError('timezone')}
            searchable
            maw={320}
          />
          <ApiErrorAlert error={update.error} />
          <Group>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
            {update.isSuccess && (
              <Text c="teal" size="sm">
                {t('common.saved')}
              </Text>
            )}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
