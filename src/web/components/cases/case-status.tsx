import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../api/cases.js';
import { useFormat } from '../../hooks/use-format.js';

function stateColor(summary: Pick<CaseSummary, 'state' | 'outcome'>): string {
  if (summary.outcome === 'approved') return 'teal';
  if (summary.outcome === 'refused') return 'red';
  if (summary.outcome === 'withdrawn') return 'gray';
  if (summary.state.code === 'draft') return 'gray';
  if (summary.state.code === 'returned') return 'orange';
  return 'blue';
}

/** The case's current step, coloured: grey draft, blue with the district, orange back with the applicant, the outcome. */
export function CaseStateBadge({
  summary,
  size = 'md',
}: {
  summary: Pick<CaseSummary, 'state' | 'outcome'>;
  size?: 'sm' | 'md' | 'lg' | 'xl';
}) {
  return (
    <Badge color={stateColor(summary)} variant="light" size={size} data-testid="case-state">
      {summary.state.name}
    </Badge>
  );
}

/** True when the step's deadline has passed and the case is still open. */
export function isOverdue(summary: Pick<CaseSummary, 'deadlineAt' | 'outcome'>, now = Date.now()): boolean {
  return (
    summary.outcome === null && summary.deadlineAt !== null && new Date(summary.deadlineAt).getTime() < now
  );
}

/** The deadline of the current step (Solar Hijri), red with a flag once overdue; the escalation flag too. */
export function CaseDeadline({
  summary,
}: {
  summary: Pick<CaseSummary, 'deadlineAt' | 'outcome' | 'escalated'>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const overdue = isOverdue(summary);
  return (
    <Group gap={6} wrap="nowrap" data-testid="case-deadline" data-overdue={overdue ? 'true' : 'false'}>
      <Text size="sm" c={overdue ? 'red.7' : undefined} fw={overdue ? 700 : undefined}>
        {summary.deadlineAt ? format.dateTime(summary.deadlineAt) : t('cases.none')}
      </Text>
      {overdue && (
        <Badge color="red" size="sm" variant="filled">
          {t('cases.overdue')}
        </Badge>
      )}
      {summary.escalated && (
        <Badge color="grape" size="sm" variant="light" data-testid="escalated">
          {t('cases.escalated')}
        </Badge>
      )}
    </Group>
  );
}
