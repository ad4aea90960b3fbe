import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CaseSummary } from '../../api/cases.js';
import { useFormat } from '../../hooks/use-format.js';
import { LtrText } from '../ltr-text.js';
import { CaseDeadline, CaseStateBadge } from './case-status.js';

/** A citizen's requests or an office's filings, newest first; a row opens its case. */
export function CasesTable({ cases }: { cases: CaseSummary[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="cases-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cases.service')}</Table.Th>
            <Table.Th>{t('cases.state')}</Table.Th>
            <Table.Th>{t('cases.trackingCode')}</Table.Th>
            <Table.Th>{t('cases.submittedAt')}</Table.Th>
            <Table.Th>{t('cases.deadline')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cases.map((summary) => (
            <Table.Tr
              key={summary.id}
              className="clickable-row"
              onClick={() => void navigate(`/cases/${summary.id}`)}
              data-testid="case-row"
            >
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/cases/${summary.id}`}
                  fw={600}
                  onClick={(e) => e.stopPropagation()}
                >
                  {summary.service.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <CaseStateBadge summary={summary} size="sm" />
              </Table.Td>
              <Table.Td>
                {summary.trackingCode ? (
                  <LtrText>{format.digits(summary.trackingCode)}</LtrText>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('cases.notSubmitted')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {summary.submittedAt ? format.dateTime(summary.submittedAt) : t('cases.none')}
                </Text>
              </Table.Td>
              <Table.Td>
                {summary.outcome === null && summary.deadlineAt ? (
                  <CaseDeadline summary={summary} />
                ) : (
                  <Text size="sm">{t('cases.none')}</Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
