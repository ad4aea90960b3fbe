import { Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type InquirySettingsVersion, useInquirySettings } from '../../api/admin-inquiry-settings.js';
import { InquirySettingsForm } from '../../components/admin/inquiry-settings-form.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { LoadingState } from '../../components/loading-state.js';
import { useFormat } from '../../hooks/use-format.js';

function VersionsTable({
  versions,
  inForceId,
}: {
  versions: InquirySettingsVersion[];
  inForceId: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const yesNo = (value: boolean) => (value ? t('case.yes') : t('case.no'));
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped verticalSpacing="xs" data-testid="settings-versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('inquiries.settings.effectiveFrom')}</Table.Th>
            <Table.Th>{t('inquiries.settings.responseValidityMonths')}</Table.Th>
            <Table.Th>{t('inquiries.settings.completionMonths')}</Table.Th>
            <Table.Th>{t('inquiries.settings.clearanceValidityMonths')}</Table.Th>
            <Table.Th>{t('inquiries.settings.requireNothingOwed')}</Table.Th>
            <Table.Th>{t('inquiries.settings.requireNoOpenViolation')}</Table.Th>
            <Table.Th>{t('inquiries.settings.requireNoPendingArticle100')}</Table.Th>
            <Table.Th>{t('inquiries.settings.siteVisitWhenRouted')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((version) => (
            <Table.Tr
              key={version.id}
              data-testid="settings-version"
              data-effective-from={version.effectiveFrom}
            >
              <Table.Td>
                <Stack gap={2}>
                  <Text size="sm">{format.date(version.effectiveFrom)}</Text>
                  {version.id === inForceId && (
                    <Badge size="xs" color="teal" variant="light">
                      {t('inquiries.settings.inForce')}
                    </Badge>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>{format.number(version.responseValidityMonths)}</Table.Td>
              <Table.Td>{format.number(version.completionMonths)}</Table.Td>
              <Table.Td>{format.number(version.clearanceValidityMonths)}</Table.Td>
              <Table.Td>{yesNo(version.requireNothingOwed)}</Table.Td>
              <Table.Td>{yesNo(version.requireNoOpenViolation)}</Table.Td>
              <Table.Td>{yesNo(version.requireNoPendingArticle100)}</Table.Td>
              <Table.Td>{yesNo(version.siteVisitWhenRouted)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The dated inquiry settings: the version in force, every version, and publishing a new one from a day on. */
export function InquirySettingsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const settings = useInquirySettings();
  return (
    <Stack gap="lg">
      {settings.isPending && <LoadingState />}
      <ApiErrorAlert error={settings.error} />
      {settings.data && (
        <>
          <Text data-testid="settings-in-force">
            {settings.data.inForce
              ? t('inquiries.settings.inForceSince', {
                  date: format.date(settings.data.inForce.effectiveFrom),
                })
              : t('inquiries.settings.noneInForce')}
          </Text>
          <Card withBorder padding="lg">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('inquiries.settings.publishTitle')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('inquiries.settings.publishHint')}
              </Text>
              <InquirySettingsForm
                key={settings.data.inForce?.id ?? 'none'}
                inForce={settings.data.inForce}
                today={settings.data.today}
              />
            </Stack>
          </Card>
          <Title order={2} size="h4">
            {t('inquiries.settings.history')}
          </Title>
          <VersionsTable versions={settings.data.versions} inForceId={settings.data.inForce?.id ?? null} />
        </>
      )}
    </Stack>
  );
}
