import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  checkLedger,
  type Mismatch,
  reconcileNow,
  resolveMismatch,
  useMismatches,
} from '../../api/dues-finance.js';
import { useMe } from '../../api/session.js';
import { ApiErrorAlert } from '../../components/api-error-alert.js';
import { FactList } from '../../components/fact-list.js';
import { FormModal } from '../../components/form-modal.js';
import { LoadingState } from '../../components/loading-state.js';
import { LtrText } from '../../components/ltr-text.js';
import { useFormat } from '../../hooks/use-format.js';

function ReconcileCard({ canRun }: { canRun: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: reconcileNow,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['payments'] }),
  });
  const result = run.data;
  return (
    <Card withBorder padding="lg" data-testid="reconcile">
      <Stack gap="sm">
        <Group justify="space-between">
          <div>
            <Title order={2} size="h4">
              {t('dues.finance.reconcile.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('dues.finance.reconcile.intro')}
            </Text>
          </div>
          {canRun && (
            <Button onClick={() => run.mutate()} loading={run.isPending} data-testid="reconcile-now">
              {t('dues.finance.reconcile.run')}
            </Button>
          )}
        </Group>
        <ApiErrorAlert error={run.error} />
        {result?.gatewayUnavailable && (
          <Alert color="orange" variant="light">
            {t('dues.finance.reconcile.gatewayDown')}
          </Alert>
        )}
        {result && (
          <FactList
            labelWidth={220}
            facts={(
              [
                'checked',
                'paid',
                'failed',
                'refunded',
                'stillPending',
                'unverifiedAtGateway',
                'mismatches',
              ] as const
            ).map((key) => ({
              label: t(`dues.finance.reconcile.${key}`),
              value: format.number(result[key]),
            }))}
          />
        )}
      </Stack>
    </Card>
  );
}

function LedgerCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const check = useMutation({ mutationFn: checkLedger });
  const result = check.data;
  return (
    <Card withBorder padding="lg" data-testid="ledger-check">
      <Stack gap="sm">
        <Group justify="space-between">
          <div>
            <Title order={2} size="h4">
              {t('dues.finance.ledger.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('dues.finance.ledger.intro')}
            </Text>
          </div>
          <Button
            variant="light"
            onClick={() => check.mutate()}
            loading={check.isPending}
            data-testid="ledger-check-run"
          >
            {t('dues.finance.ledger.run')}
          </Button>
        </Group>
        <ApiErrorAlert error={check.error} />
        {result && (
          <>
            <Alert
              color={result.ok ? 'teal' : 'red'}
              variant="light"
              data-testid="ledger-result"
              data-ok={result.ok}
            >
              {t(result.ok ? 'dues.finance.ledger.ok' : 'dues.finance.ledger.problems', {
                balance: format.rials(result.trialBalanceRials),
              })}
            </Alert>
            {result.problems.length > 0 && (
              <Stack gap={2}>
                {result.problems.map((problem) => (
                  <Code key={problem} block dir="ltr">
                    {problem}
                  </Code>
                ))}
              </Stack>
            )}
            <Table verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dues.finance.ledger.account')}</Table.Th>
                  <Table.Th>{t('dues.finance.ledger.balance')}</Table.Th>
                  <Table.Th>{t('dues.finance.ledger.lines')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.accounts.map((account) => (
                  <Table.Tr key={account.account}>
                    <Table.Td>
                      {t(`dues.accounts.${account.account}`, { defaultValue: account.account })}
                    </Table.Td>
                    <Table.Td>{format.rials(account.balanceRials)}</Table.Td>
                    <Table.Td>{format.number(account.lines)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Card>
  );
}

function ResolveModal({ mismatch, onClose }: { mismatch: Mismatch; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const resolve = useMutation({
    mutationFn: () => resolveMismatch(mismatch.id, note),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['payments', 'mismatches'] });
      onClose();
    },
  });
  return (
    <FormModal
      title={t('dues.finance.mismatches.resolveTitle')}
      submitLabel={t('dues.finance.mismatches.resolve')}
      onClose={onClose}
      onSubmit={() => resolve.mutate()}
      pending={resolve.isPending}
      error={resolve.error}
      canSubmit={note.trim().length >= 3}
    >
      <Text size="sm">{t(`dues.mismatchKinds.${mismatch.kind}`, { defaultValue: mismatch.kind })}</Text>
      <Textarea
        label={t('dues.finance.mismatches.note')}
        description={t('dues.finance.mismatches.noteHint')}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        minRows={3}
        autosize
        data-testid="resolve-note"
      />
    </FormModal>
  );
}

function MismatchesCard({ canResolve }: { canResolve: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState(true);
  const mismatches = useMismatches(open);
  const [resolving, setResolving] = useState<Mismatch | null>(null);
  return (
    <Card withBorder padding="lg" data-testid="mismatches">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('dues.finance.mismatches.title')}
          </Title>
          <SegmentedControl
            value={open ? 'open' : 'all'}
            onChange={(value) => setOpen(value === 'open')}
            data={[
              { value: 'open', label: t('dues.finance.mismatches.open') },
              { value: 'all', label: t('dues.finance.mismatches.all') },
            ]}
          />
        </Group>
        {mismatches.isPending && <LoadingState />}
        <ApiErrorAlert error={mismatches.error} />
        {mismatches.data?.length === 0 && <Text c="dimmed">{t('dues.finance.mismatches.none')}</Text>}
        {mismatches.data && mismatches.data.length > 0 && (
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="xs" data-testid="mismatches-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dues.finance.mismatches.kind')}</Table.Th>
                  <Table.Th>{t('dues.finance.mismatches.payment')}</Table.Th>
                  <Table.Th>{t('dues.finance.mismatches.foundAt')}</Table.Th>
                  <Table.Th>{t('dues.finance.mismatches.details')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {mismatches.data.map((mismatch) => (
                  <Table.Tr key={mismatch.id} data-testid="mismatch-row">
                    <Table.Td>
                      {t(`dues.mismatchKinds.${mismatch.kind}`, { defaultValue: mismatch.kind })}
                    </Table.Td>
                    <Table.Td>
                      {mismatch.paymentId ? (
                        <Link to={`/payments/${mismatch.paymentId}`}>
                          <LtrText>{mismatch.paymentId.slice(0, 8)}</LtrText>
                        </Link>
                      ) : (
                        <LtrText>{mismatch.authority ?? '—'}</LtrText>
                      )}
                    </Table.Td>
                    <Table.Td>{format.dateTime(mismatch.foundAt)}</Table.Td>
                    <Table.Td>
                      <Code dir="ltr">{JSON.stringify(mismatch.details)}</Code>
                    </Table.Td>
                    <Table.Td>
                      {mismatch.resolvedAt ? (
                        <Badge color="teal" variant="light" title={mismatch.resolutionNote ?? undefined}>
                          {t('dues.finance.mismatches.resolved')}
                        </Badge>
                      ) : (
                        canResolve && (
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() => setResolving(mismatch)}
                            data-testid="resolve"
                          >
                            {t('dues.finance.mismatches.resolve')}
                          </Button>
                        )
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {resolving && <ResolveModal mismatch={resolving} onClose={() => setResolving(null)} />}
    </Card>
  );
}

/** The money side of payments for finance staff: reconcile now, the mismatches it leaves, the books' check. */
export function MoneyPage() {
  const { data: me } = useMe();
  const isFinance = me?.roles.includes('finance') ?? false;
  return (
    <Stack gap="lg">
      <ReconcileCard canRun={isFinance} />
      <MismatchesCard canResolve={isFinance} />
      <LedgerCard />
    </Stack>
  );
}
