import { Alert, Badge, Checkbox, Group, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type CaseDetail, type CaseSummary, type QueueFilters, useCases, useServices } from '../api/cases.js';
import { api } from '../api/client.js';
import { type Me, useMe } from '../api/session.js';
import { CaseErrorAlert } from '../components/cases/case-error-alert.js';
import { QueueTable } from '../components/cases/queue-table.js';
import { LoadingState } from '../components/loading-state.js';
import { isolateLtr } from '../format.js';
import { useFormat } from '../hooks/use-format.js';

const ASSIGNED = ['any', 'me', 'none'] as const;
type Assigned = (typeof ASSIGNED)[number];

/** The queue's filters live in the address, so a filtered queue can be bookmarked and comes back after a case. */
function useQueueFilters(): [QueueFilters, (change: Partial<QueueFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const assigned = params.get('assigned');
  const filters: QueueFilters = {
    state: params.get('state') ?? undefined,
    service: params.get('service') ?? undefined,
    assigned: ASSIGNED.includes(assigned as Assigned) ? (assigned as Assigned) : 'any',
    overdue: params.get('overdue') === 'true',
    sort: params.get('sort') === 'newest' ? 'newest' : 'deadline',
  };
  const update = (change: Partial<QueueFilters>) => {
    const next = { ...filters, ...change };
    const search = new URLSearchParams();
    if (next.state) search.set('state', next.state);
    if (next.service) search.set('service', next.service);
    if (next.assigned && next.assigned !== 'any') search.set('assigned', next.assigned);
    if (next.overdue) search.set('overdue', 'true');
    if (next.sort === 'newest') search.set('sort', 'newest');
    setParams(search, { replace: true });
  };
  return [filters, update];
}

function StaffHeader({ me }: { me: Me }) {
  const { t } = useTranslation();
  const format = useFormat();
  const roles = me.roles.filter((role) => !role.includes(':'));
  // `/me` names the district only on servers that send it; «one district» alone would say nothing.
  const district = me.district
    ? format.district(me.district.number)
    : me.districtId
      ? null
      : t('staffHome.wholeCity');
  return (
    <Group justify="space-between" align="flex-end">
      <div>
        <Title order={1} data-testid="page-title">
          {t('queue.title')}
        </Title>
        <Text c="dimmed">{t('queue.intro')}</Text>
      </div>
      <Group gap={6}>
        <Text size="sm" fw={600}>
          {me.name}
        </Text>
        {roles.map((role) => (
          <Badge key={role} variant="light">
            {format.code('roles', role)}
          </Badge>
        ))}
        {district && (
          <Badge variant="outline" color="gray">
            {district}
          </Badge>
        )}
      </Group>
    </Group>
  );
}

/** The staff desk: the district queue, by deadline, with filters and «take». */
export function StaffHomePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const [filters, setFilters] = useQueueFilters();
  const queue = useCases(filters);
  // The unfiltered queue names the states its cases are in; the state filter offers those.
  const all = useCases({});
  const services = useServices(me?.districtId ?? undefined, me !== undefined && me !== null);
  const [claimed, setClaimed] = useState<string | null>(null);
  const claim = useMutation({
    mutationFn: (summary: CaseSummary) =>
      api.post<CaseDetail>(`/api/v1/cases/${summary.id}/actions`, {
        action: 'claim',
        version: summary.version,
      }),
    onMutate: () => setClaimed(null),
    onSuccess: (detail) => {
      queryClient.setQueryData(['cases', 'detail', detail.id], detail);
      setClaimed(detail.fileNumber ?? detail.trackingCode ?? '');
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['cases', 'list'] }),
  });
  if (!me) return null;

  const states = new Map<string, string>();
  for (const summary of [...(all.data ?? []), ...(queue.data ?? [])])
    states.set(summary.state.code, summary.state.name);
  if (filters.state && !states.has(filters.state)) states.set(filters.state, filters.state);

  return (
    <Stack gap="lg">
      <StaffHeader me={me} />
      <Group align="flex-end" gap="sm" data-testid="queue-filters">
        <Select
          label={t('queue.state')}
          placeholder={t('queue.anyState')}
          data={[...states].map(([value, label]) => ({ value, label }))}
          value={filters.state ?? null}
          onChange={(state) => setFilters({ state: state ?? undefined })}
          clearable
          w={220}
        />
        <Select
          label={t('queue.service')}
          placeholder={t('queue.anyService')}
          data={(services.data ?? []).map((service) => ({ value: service.code, label: service.name }))}
          value={filters.service ?? null}
          onChange={(service) => setFilters({ service: service ?? undefined })}
          clearable
          w={220}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('queue.assigned')}
          </Text>
          <SegmentedControl
            value={filters.assigned ?? 'any'}
            onChange={(value) => setFilters({ assigned: value as Assigned })}
            data={[
              { value: 'any', label: t('queue.assignedAny') },
              { value: 'me', label: t('queue.assignedMe') },
              { value: 'none', label: t('queue.assignedNone') },
            ]}
            data-testid="assigned-filter"
          />
        </Stack>
        <Select
          label={t('queue.sort')}
          data={[
            { value: 'deadline', label: t('queue.sortDeadline') },
            { value: 'newest', label: t('queue.sortNewest') },
          ]}
          value={filters.sort ?? 'deadline'}
          onChange={(sort) => setFilters({ sort: sort === 'newest' ? 'newest' : 'deadline' })}
          allowDeselect={false}
          w={170}
        />
        <Checkbox
          label={t('queue.overdueOnly')}
          checked={filters.overdue ?? false}
          onChange={(event) => setFilters({ overdue: event.currentTarget.checked })}
          mb={8}
        />
      </Group>
      {claimed !== null && (
        <Alert
          color="teal"
          variant="light"
          withCloseButton
          onClose={() => setClaimed(null)}
          data-testid="notice"
        >
          {t('queue.claimed', { fileNumber: isolateLtr(format.digits(claimed)) })}
        </Alert>
      )}
      <CaseErrorAlert error={claim.error ?? queue.error} />
      {queue.isPending && <LoadingState />}
      {queue.data && (
        <Text size="sm" c="dimmed" data-testid="queue-count">
          {t('queue.count', { number: format.number(queue.data.length) })}
        </Text>
      )}
      {queue.data?.length === 0 && <Text c="dimmed">{t('queue.empty')}</Text>}
      {queue.data && queue.data.length > 0 && (
        <QueueTable
          cases={queue.data}
          meId={me.id}
          onClaim={(summary) => claim.mutate(summary)}
          claiming={claim.isPending ? (claim.variables?.id ?? null) : null}
        />
      )}
    </Stack>
  );
}
