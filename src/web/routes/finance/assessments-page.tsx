import { Badge, Button, Card, Group, Progress, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AssessmentRun,
  startAssessment,
  useAssessmentRun,
  useAssessmentRuns,
} from '../../api/dues-finance.js';
import { useMe } from '../../api/session.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { FactList } from '../../components/fact-list.js';
import { LoadingState } from '../../components/loading-state.js';
import { parseTypedNumber } from '../../format.js';
import { useFormat } from '../../hooks/use-format.js';
import { isoToJalali } from '../../jalali.js';

const STATE_COLORS = { running: 'blue', done: 'teal', failed: 'red' } as const;

function percentOf(run: AssessmentRun): number {
  if (run.state === 'done') return 100;
  return run.parcelsTotal === 0 ? 0 : Math.min(100, (run.parcelsDone / run.parcelsTotal) * 100);
}

/** A run's live progress: parcels done of all, bills written so far, the amount billed. */
function RunProgress({ runId }: { runId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const run = useAssessmentRun(runId);
  const state = run.data?.state;
  useEffect(() => {
    if (state && state !== 'running')
      void queryClient.invalidateQueries({ queryKey: ['dues', 'assessments'] });
  }, [state, queryClient]);
  if (!run.data) return <ApiErrorAlert error={run.error} />;
  const data = run.data;
  return (
    <Card withBorder padding="lg" data-testid="assessment-progress" data-state={data.state}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('dues.finance.assessment.runOf', { year: format.ordinal(data.year) })}
          </Title>
          <Badge color={STATE_COLORS[data.state]} variant="light" data-testid="assessment-state">
            {t(`dues.finance.assessment.states.${data.state}`)}
          </Badge>
        </Group>
        <Progress
          value={percentOf(data)}
          size="xl"
          animated={data.state === 'running'}
          color={STATE_COLORS[data.state]}
          aria-label={t('dues.finance.assessment.progress')}
          data-testid="assessment-bar"
          data-value={Math.round(percentOf(data))}
        />
        <Text size="sm" data-testid="assessment-counts">
          {t('dues.finance.assessment.parcelsDone', {
            done: format.number(data.parcelsDone),
            total: format.number(data.parcelsTotal),
            percent: format.percent(percentOf(data)),
          })}
        </Text>
        <FactList
          labelWidth={170}
          facts={[
            { label: t('dues.finance.assessment.bills'), value: format.number(data.billsCreated) },
            { label: t('dues.finance.assessment.exempt'), value: format.number(data.exemptCount) },
            { label: t('dues.finance.assessment.total'), value: format.rials(data.totalRials) },
            { label: t('dues.finance.assessment.startedAt'), value: format.dateTime(data.startedAt) },
            ...(data.finishedAt
              ? [{ label: t('dues.finance.assessment.finishedAt'), value: format.dateTime(data.finishedAt) }]
              : []),
          ]}
        />
        {data.lastError && (
          <Text size="sm" c="red">
            {data.lastError}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function thisJalaliYear(): number {
  return isoToJalali(new Date().toISOString().slice(0, 10))?.year ?? 1405;
}

/** Run the year's assessment (a background job on the server) and watch it finish; earlier runs below. */
export function AssessmentsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const canRun = me?.roles.includes('finance') ?? false;
  const runs = useAssessmentRuns();
  const [year, setYear] = useState(String(thisJalaliYear()));
  const [watching, setWatching] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: (value: number) => startAssessment(value),
    onSuccess: (run) => {
      setWatching(run.id);
      void queryClient.invalidateQueries({ queryKey: ['dues', 'assessments'] });
    },
  });
  const running = runs.data?.find((run) => run.state === 'running');
  const shown = watching ?? running?.id ?? null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = parseTypedNumber(year);
    start.mutate(typeof value === 'number' ? value : Number.NaN);
  };
  return (
    <Stack gap="lg">
      {canRun && (
        <Card withBorder padding="lg">
          <form onSubmit={submit} noValidate>
            <Group align="flex-end">
              <TextInput
                label={t('dues.finance.assessment.year')}
                description={t('dues.finance.assessment.yearHint')}
                value={year}
                onChange={(event) => setYear(event.currentTarget.value)}
                inputMode="numeric"
                w={220}
                data-testid="assessment-year"
              />
              <Button type="submit" loading={start.isPending} data-testid="start-assessment">
                {t('dues.finance.assessment.start')}
              </Button>
            </Group>
          </form>
          <ApiErrorAlert error={start.error} />
        </Card>
      )}
      {shown && <RunProgress runId={shown} />}
      <Title order={2} size="h3">
        {t('dues.finance.assessment.runs')}
      </Title>
      {runs.isPending && <LoadingState />}
      <ApiErrorAlert error={runs.error} />
      {runs.data && runs.data.length === 0 && <Text c="dimmed">{t('dues.finance.assessment.none')}</Text>}
      {runs.data && runs.data.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="xs" data-testid="assessment-runs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dues.finance.assessment.year')}</Table.Th>
                <Table.Th>{t('dues.finance.assessment.state')}</Table.Th>
                <Table.Th>{t('dues.finance.assessment.progress')}</Table.Th>
                <Table.Th>{t('dues.finance.assessment.bills')}</Table.Th>
                <Table.Th>{t('dues.finance.assessment.total')}</Table.Th>
                <Table.Th>{t('dues.finance.assessment.startedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {runs.data.map((run) => (
                <Table.Tr key={run.id} onClick={() => setWatching(run.id)} className="clickable-row">
                  <Table.Td fw={600}>{format.ordinal(run.year)}</Table.Td>
                  <Table.Td>
                    <Badge color={STATE_COLORS[run.state]} variant="light">
                      {t(`dues.finance.assessment.states.${run.state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{format.percent(percentOf(run))}</Table.Td>
                  <Table.Td>{format.number(run.billsCreated)}</Table.Td>
                  <Table.Td>{format.rials(run.totalRials)}</Table.Td>
                  <Table.Td>{format.dateTime(run.startedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
