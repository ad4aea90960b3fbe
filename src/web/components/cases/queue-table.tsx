import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CaseSummary } from '../../api/cases.js';
import { useFormat } from '../../hooks/use-format.js';
import { LtrText } from '../ltr-text.js';
import { CaseDeadline, CaseStateBadge, isOverdue } from './case-status.js';

interface QueueTableProps {
  cases: CaseSummary[];
  meId: string;
  onClaim: (summary: CaseSummary) => void;
  claiming: string | null;
}

/** The district's queue: overdue rows in red, the escalation flag, who handles each case, and «take». */
export function QueueTable({ cases, meId, onClaim, claiming }: QueueTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="queue-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cases.fileNumber')}</Table.Th>
            <Table.Th>{t('cases.service')}</Table.Th>
            <Table.Th>{t('cases.state')}</Table.Th>
            <Table.Th>{t('cases.submittedAt')}</Table.Th>
            <Table.Th>{t('cases.deadline')}</Table.Th>
            <Table.Th>{t('queue.assigned')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cases.map((summary) => {
            const overdue = isOverdue(summary);
            const mine = summary.assigneeId === meId;
            return (
              <Table.Tr
                key={summary.id}
                className="clickable-row"
                bg={overdue ? 'red.0' : undefined}
                onClick={() => void navigate(`/cases/${summary.id}`)}
                data-testid="queue-row"
                data-case-id={summary.id}
                data-overdue={overdue ? 'true' : 'false'}
              >
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/cases/${summary.id}`}
                    fw={600}
                    onClick={(event) => event.stopPropagation()}
                    data-testid="queue-file-number"
                  >
                    <LtrText>{format.digits(summary.fileNumber ?? summary.trackingCode ?? '')}</LtrText>
                  </Anchor>
                </Table.Td>
                <Table.Td>{summary.service.name}</Table.Td>
                <Table.Td>
                  <CaseStateBadge summary={summary} size="sm" />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {summary.submittedAt ? format.dateTime(summary.submittedAt) : t('cases.none')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <CaseDeadline summary={summary} />
                </Table.Td>
                <Table.Td>
                  {mine ? (
                    <Badge variant="light" color="teal" size="sm">
                      {t('queue.me')}
                    </Badge>
                  ) : (
                    <Text size="sm" c={summary.assigneeId ? undefined : 'dimmed'}>
                      {summary.assigneeId ? t('queue.colleague') : t('queue.unassigned')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td w={1}>
                  <Group gap={4} wrap="nowrap" onClick={(event) => event.stopPropagation()}>
                    {/* Summaries do not say whose turn it is: a claim while the applicant has the case is refused. */}
                    {!mine && (
                      <Button
                        size="compact-sm"
                        variant="light"
                        loading={claiming === summary.id}
                        onClick={() => onClaim(summary)}
                        data-testid="claim"
                      >
                        {t('queue.claim')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
