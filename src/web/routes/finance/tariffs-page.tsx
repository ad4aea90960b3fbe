import {
  Badge,
  Button,
  Card,
  Code,
  Group,
  List,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { putTariff, type TariffVersion, useTariffs } from '../../api/dues-finance.js';
import { useMe } from '../../api/session.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { FactList } from '../../components/fact-list.js';
import { LoadingState } from '../../components/loading-state.js';
import { parseTypedNumber } from '../../format.js';
import { useFormat } from '../../hooks/use-format.js';

function TariffDetail({ version }: { version: TariffVersion }) {
  const { t } = useTranslation();
  const format = useFormat();
  const tariff = version.tariff;
  return (
    <Card withBorder padding="lg" data-testid="tariff-detail">
      <Stack gap="sm">
        <FactList
          labelWidth={200}
          facts={[
            { label: t('dues.finance.tariffs.from'), value: format.ordinal(version.year) },
            { label: t('dues.finance.tariffs.resolution'), value: tariff.resolutionNo },
            { label: t('dues.finance.tariffs.rate'), value: format.percent(tariff.rateBasisPoints / 100) },
            {
              label: t('dues.finance.tariffs.landDefault'),
              value: format.rials(tariff.landValueRialsPerM2.default),
            },
            {
              label: t('dues.finance.tariffs.buildingDefault'),
              value: format.rials(tariff.buildingValueRialsPerM2.default),
            },
            { label: t('dues.finance.tariffs.prize'), value: format.percent(tariff.prizePct) },
            {
              label: t('dues.finance.tariffs.penalty'),
              value: t('dues.finance.tariffs.penaltyValue', {
                perMonth: format.percent(tariff.latePenalty.pctPerMonth),
                cap: format.percent(tariff.latePenalty.capPct),
              }),
            },
          ]}
        />
        {tariff.adjustments.length > 0 && (
          <>
            <Text fw={600}>{t('dues.finance.tariffs.adjustments')}</Text>
            <List size="sm">
              {tariff.adjustments.map((rule) => (
                <List.Item key={rule.code}>
                  {t('dues.finance.tariffs.adjustment', {
                    title: rule.title,
                    land: format.percent(rule.landPct),
                    building: format.percent(rule.buildingPct),
                  })}
                </List.Item>
              ))}
            </List>
          </>
        )}
        {tariff.exemptions.length > 0 && (
          <>
            <Text fw={600}>{t('dues.finance.tariffs.exemptions')}</Text>
            <List size="sm">
              {tariff.exemptions.map((rule) => (
                <List.Item key={rule.code}>{rule.title}</List.Item>
              ))}
            </List>
          </>
        )}
        <Text fw={600}>{t('dues.finance.tariffs.json')}</Text>
        <Code block dir="ltr" style={{ maxHeight: 320, overflow: 'auto' }}>
          {JSON.stringify(tariff, null, 2)}
        </Code>
      </Stack>
    </Card>
  );
}

/** A new tariff version from JSON; the server checks it, and each problem it names is listed with its field. */
function AddTariffModal({ template, onClose }: { template: TariffVersion | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(String((template?.year ?? 1404) + 1));
  const [text, setText] = useState(template ? JSON.stringify(template.tariff, null, 2) : '{}');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: ({ y, body }: { y: number; body: unknown }) => putTariff(y, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['dues', 'tariffs'] });
      onClose();
    },
  });
  const submit = () => {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      setJsonError((error as Error).message);
      return;
    }
    setJsonError(null);
    const value = parseTypedNumber(year);
    save.mutate({ y: typeof value === 'number' ? value : Number.NaN, body });
  };
  const fields = save.error instanceof ApiError ? save.error.fields : [];
  return (
    <Modal opened onClose={onClose} title={t('dues.finance.tariffs.add')} size="xl" centered>
      <Stack>
        <TextInput
          label={t('dues.finance.tariffs.from')}
          value={year}
          onChange={(event) => setYear(event.currentTarget.value)}
          inputMode="numeric"
          w={200}
          data-testid="tariff-year"
        />
        <Textarea
          label={t('dues.finance.tariffs.json')}
          description={t('dues.finance.tariffs.jsonHint')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          autosize
          minRows={12}
          maxRows={24}
          dir="ltr"
          styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
          error={jsonError ? t('dues.finance.tariffs.badJson', { message: jsonError }) : undefined}
          data-testid="tariff-json"
        />
        <ApiErrorAlert error={save.error} />
        {fields.length > 0 && (
          <List size="sm" data-testid="tariff-problems">
            {fields.map((problem) => (
              <List.Item key={`${problem.field}-${problem.rule}`}>
                <Code>{problem.field}</Code> {t('dues.finance.tariffs.rule', { rule: problem.rule })}
              </List.Item>
            ))}
          </List>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending} data-testid="tariff-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The dated tariff versions, each in force from 1 Farvardin of its year until the next. */
export function TariffsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data: me } = useMe();
  const tariffs = useTariffs();
  const [open, setOpen] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const canEdit = me?.roles.includes('finance') ?? false;
  const chosen = tariffs.data?.find((version) => version.id === open);
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Text c="dimmed">{t('dues.finance.tariffs.intro')}</Text>
        {canEdit && (
          <Button onClick={() => setAdding(true)} data-testid="add-tariff">
            {t('dues.finance.tariffs.add')}
          </Button>
        )}
      </Group>
      {tariffs.isPending && <LoadingState />}
      <ApiErrorAlert error={tariffs.error} />
      {tariffs.data && (
        <Table striped highlightOnHover verticalSpacing="xs" data-testid="tariffs-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dues.finance.tariffs.from')}</Table.Th>
              <Table.Th>{t('dues.finance.tariffs.resolution')}</Table.Th>
              <Table.Th>{t('dues.finance.tariffs.rate')}</Table.Th>
              <Table.Th>{t('dues.finance.tariffs.prize')}</Table.Th>
              <Table.Th>{t('dues.finance.tariffs.penalty')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tariffs.data.map((version) => (
              <Table.Tr
                key={version.id}
                className="clickable-row"
                onClick={() => setOpen(open === version.id ? null : version.id)}
                data-testid="tariff-row"
              >
                <Table.Td fw={600}>
                  {format.ordinal(version.year)}{' '}
                  {open === version.id && <Badge size="xs">{t('dues.finance.tariffs.shown')}</Badge>}
                </Table.Td>
                <Table.Td>{version.tariff.resolutionNo}</Table.Td>
                <Table.Td>{format.percent(version.tariff.rateBasisPoints / 100)}</Table.Td>
                <Table.Td>{format.percent(version.tariff.prizePct)}</Table.Td>
                <Table.Td>
                  {t('dues.finance.tariffs.penaltyValue', {
                    perMonth: format.percent(version.tariff.latePenalty.pctPerMonth),
                    cap: format.percent(version.tariff.latePenalty.capPct),
                  })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {chosen && <TariffDetail version={chosen} />}
      {adding && <AddTariffModal template={tariffs.data?.[0]} onClose={() => setAdding(false)} />}
    </Stack>
  );
}
