import {
  Alert,
  Badge,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LAND_USES } from '../../api/codes.js';
import {
  type BuildingCheck,
  type BuildingCheckResult,
  type ParcelLimits,
  type ProposalUse,
  useBuildingCheck,
} from '../../api/zoning.js';
import { parseTypedNumber } from '../../format.js';
import { fieldErrorsOf } from '../../hooks/use-field-errors.js';
import { useFormat } from '../../hooks/use-format.js';
import { ApiErrorAlert } from '../api-error-alert.js';
import { FactList } from '../fact-list.js';
import { FeeEstimateView } from './fee-estimate.js';

function useValueText() {
  const { t } = useTranslation();
  const format = useFormat();
  return (value: BuildingCheck['actual'], unit: string | null): string => {
    if (value === null) return '—';
    if (typeof value === 'string') {
      if (unit !== 'use') return format.digits(value);
      return value
        .split(/\s*,\s*/)
        .map((use) => format.code('landUse', use))
        .join(t('list.separator'));
    }
    switch (unit) {
      case 'm²':
        return format.area(value);
      case 'm':
        return format.metres(value);
      case 'floors':
        return t('units.floors', { value: format.number(value) });
      case 'units':
        return t('units.units', { value: format.number(value) });
      case '%':
        return format.percent(value);
      default:
        return format.number(value);
    }
  };
}

function CheckResults({ result }: { result: BuildingCheckResult }) {
  const { t } = useTranslation();
  const format = useFormat();
  const valueText = useValueText();
  const failed = result.checks.filter((check) => !check.passed).length;
  return (
    <Stack gap="sm" data-testid="building-check-result">
      <Alert
        color={result.ok ? 'teal' : 'red'}
        variant="light"
        title={result.ok ? t('building.ok') : t('building.notOk', { number: format.number(failed) })}
        data-testid="building-check-verdict"
        data-ok={result.ok}
      >
        <FactList
          labelWidth={170}
          facts={[
            { label: t('building.totalFloorArea'), value: format.area(result.totalFloorAreaM2) },
            { label: t('building.footprint'), value: format.area(result.footprintM2) },
            ...(result.excessDensity.areaM2 > 0
              ? [
                  {
                    label: t('building.excessDensity'),
                    value: t('building.excessDensityValue', {
                      area: format.area(result.excessDensity.areaM2),
                      points: format.percent(result.excessDensity.pctPoints),
                    }),
                  },
                ]
              : []),
          ]}
        />
      </Alert>
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing={6} fz="sm" withTableBorder data-testid="building-checks">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('building.rule')}</Table.Th>
              <Table.Th>{t('building.actual')}</Table.Th>
              <Table.Th>{t('building.limit')}</Table.Th>
              <Table.Th>{t('building.verdict')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.checks.map((check) => (
              <Table.Tr key={check.rule} data-testid={`check-${check.rule}`} data-passed={check.passed}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {format.code('buildingChecks', check.rule)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {check.message}
                  </Text>
                </Table.Td>
                <Table.Td>{valueText(check.actual, check.unit)}</Table.Td>
                <Table.Td>{valueText(check.limit, check.unit)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge
                    color={check.passed ? 'teal' : 'red'}
                    variant="light"
                    styles={{ root: { minWidth: 'max-content' }, label: { overflow: 'visible' } }}
                  >
                    {check.passed ? t('building.passed') : t('building.failed')}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {result.fees && <FeeEstimateView fees={result.fees} title={t('building.feesTitle')} />}
    </Stack>
  );
}

interface BuildingCheckFormProps {
  parcelId: string;
  landUse: string;
  limits: ParcelLimits | null;
}

/** The citizen describes a building (floors, area per floor, units, use); the API checks it against the rules. */
export function BuildingCheckForm({ parcelId, landUse, limits }: BuildingCheckFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [floors, setFloors] = useState('');
  const [floorArea, setFloorArea] = useState('');
  const [units, setUnits] = useState('');
  const [basement, setBasement] = useState('');
  const [use, setUse] = useState<ProposalUse>(
    (LAND_USES as readonly string[]).includes(landUse) ? (landUse as ProposalUse) : 'residential',
  );
  const check = useBuildingCheck(parcelId);
  const hasError = fieldErrorsOf(check.error);
  const canSubmit = floors.trim() !== '' && floorArea.trim() !== '' && units.trim() !== '';

  function submit(event: FormEvent) {
    event.preventDefault();
    check.mutate({
      floors: parseTypedNumber(floors),
      floorAreaM2: parseTypedNumber(floorArea),
      units: parseTypedNumber(units),
      use,
      basementAreaM2: parseTypedNumber(basement),
    });
  }

  const hint = (value: number | null | undefined, show: (value: number) => string) =>
    value === null || value === undefined ? undefined : t('building.atMost', { value: show(value) });
  return (
    <Stack gap="md">
      <form onSubmit={submit} noValidate data-testid="building-check-form">
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('building.formTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              name="floors"
              label={t('building.floors')}
              description={hint(limits?.maxFloors, format.number)}
              value={floors}
              onChange={(event) => setFloors(event.currentTarget.value)}
              error={hasError('floors')}
              inputMode="numeric"
              dir="ltr"
              autoComplete="off"
            />
            <TextInput
              name="floorAreaM2"
              label={t('building.floorArea')}
              description={hint(limits?.maxFootprintM2, format.area)}
              value={floorArea}
              onChange={(event) => setFloorArea(event.currentTarget.value)}
              error={hasError('floorAreaM2')}
              inputMode="decimal"
              dir="ltr"
              autoComplete="off"
            />
            <TextInput
              name="units"
              label={t('building.units')}
              description={hint(limits?.maxUnits, format.number)}
              value={units}
              onChange={(event) => setUnits(event.currentTarget.value)}
              error={hasError('units')}
              inputMode="numeric"
              dir="ltr"
              autoComplete="off"
            />
            <Select
              name="use"
              label={t('building.use')}
              description={t('building.useHint')}
              value={use}
              onChange={(value) => value && setUse(value as ProposalUse)}
              error={hasError('use')}
              allowDeselect={false}
              data={LAND_USES.map((code) => ({ value: code, label: format.code('landUse', code) }))}
            />
            <TextInput
              name="basementAreaM2"
              label={t('building.basementArea')}
              description={t('building.optional')}
              value={basement}
              onChange={(event) => setBasement(event.currentTarget.value)}
              error={hasError('basementAreaM2')}
              inputMode="decimal"
              dir="ltr"
              autoComplete="off"
            />
          </SimpleGrid>
          <ApiErrorAlert error={check.error} />
          <Group>
            <Button type="submit" loading={check.isPending} disabled={!canSubmit}>
              {t('building.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      {check.data && <CheckResults result={check.data} />}
    </Stack>
  );
}
