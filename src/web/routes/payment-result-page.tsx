import { Alert, Anchor, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { type PaymentOutcome, UNSETTLED, usePaymentOutcome, useReceipt } from '../api/payments.js';
import { useMe } from '../api/session.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { PaymentStateBadge, paymentStateKey } from '../components/dues/payment-state.js';
import { ReceiptCard } from '../components/dues/receipt-card.js';
import { RialsAmount } from '../components/dues/rials-amount.js';
import { LoadingState } from '../components/loading-state.js';
import { useFormat } from '../hooks/use-format.js';

const KNOWN_REASONS = ['cancelled', 'expired', 'gateway_request_failed', 'verify_rejected'] as const;
type KnownReason = (typeof KNOWN_REASONS)[number];

function reasonKey(failureReason: string): KnownReason | 'other' {
  const reason = failureReason.startsWith('verify_rejected') ? 'verify_rejected' : failureReason;
  return (KNOWN_REASONS as readonly string[]).includes(reason) ? (reason as KnownReason) : 'other';
}

const TONES = {
  paid: 'teal',
  cancelled: 'gray',
  failed: 'red',
  refund_pending: 'orange',
  refunded: 'gray',
} as const;

/** What happened, in the payer's words: paid, cancelled, failed (and why), or money on its way back. */
function OutcomeMessage({ outcome }: { outcome: PaymentOutcome }) {
  const { t } = useTranslation();
  const failureText = (failureReason: string) => t(`dues.failureReasons.${reasonKey(failureReason)}`);
  const key = paymentStateKey(outcome.state, outcome.failureReason);
  if (UNSETTLED.has(outcome.state) && outcome.state !== 'refund_pending')
    return (
      <Alert
        color="yellow"
        variant="light"
        data-testid="outcome-message"
        icon={<Loader size="sm" color="yellow" />}
      >
        {t('dues.outcome.pending')}
      </Alert>
    );
  const reason =
    outcome.state === 'failed' && outcome.failureReason ? failureText(outcome.failureReason) : null;
  return (
    <Alert color={TONES[key as keyof typeof TONES] ?? 'gray'} variant="light" data-testid="outcome-message">
      <Stack gap={4}>
        <Text fw={600}>{t(`dues.outcome.${key}`)}</Text>
        {reason && <Text size="sm">{reason}</Text>}
      </Stack>
    </Alert>
  );
}

/**
 * Where the gateway sends the payer back to (`/payments/{id}?token=…`): the outcome, asked again while the payment
 * is unsettled, and the receipt once paid. The token lets someone who paid by bill ID alone see it.
 */
export function PaymentResultPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token');
  const { data: me } = useMe();
  const outcome = usePaymentOutcome(id, token);
  const paid = outcome.data?.state === 'paid';
  const receipt = useReceipt(id, token, paid);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1} data-testid="page-title">
          {t('dues.outcome.title')}
        </Title>
        {outcome.data && (
          <PaymentStateBadge
            state={outcome.data.state}
            failureReason={outcome.data.failureReason}
            size="lg"
          />
        )}
      </Group>
      {outcome.isPending && <LoadingState />}
      <ApiErrorAlert error={outcome.error} />
      {outcome.data && (
        <>
          <OutcomeMessage outcome={outcome.data} />
          {!paid && (
            <Stack gap={4}>
              <Text size="sm" c="dimmed">
                {t('dues.outcome.amount')}
              </Text>
              <RialsAmount amount={outcome.data.amountRials} />
              <Text size="sm" c="dimmed">
                {t('dues.outcome.startedAt', { at: format.dateTime(outcome.data.createdAt) })}
              </Text>
            </Stack>
          )}
        </>
      )}
      {receipt.isPending && paid && <LoadingState />}
      <ApiErrorAlert error={receipt.error} />
      {receipt.data && <ReceiptCard receipt={receipt.data} token={token} />}
      <Group gap="lg">
        {me?.kind === 'citizen' && (
          <Anchor component={Link} to="/cartable/dues">
            {t('dues.outcome.backToBills')}
          </Anchor>
        )}
        {me && me.kind !== 'api_client' && (
          <Anchor component={Link} to="/payments" data-testid="history-link">
            {t('dues.nav.history')}
          </Anchor>
        )}
        {!me && (
          <Anchor component={Link} to="/pay">
            {t('dues.outcome.payAnother')}
          </Anchor>
        )}
      </Group>
    </Stack>
  );
}
