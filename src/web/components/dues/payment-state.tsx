import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PaymentState } from '../../api/payments.js';

const COLORS: Record<PaymentState, string> = {
  created: 'gray',
  pending: 'yellow',
  paid: 'teal',
  failed: 'red',
  refund_pending: 'orange',
  refunded: 'gray',
};

/** How a payer reads a payment's state: a payment cancelled at the gateway is «cancelled», not «failed». */
export function paymentStateKey(
  state: PaymentState,
  failureReason: string | null,
): PaymentState | 'cancelled' {
  if (state === 'failed' && failureReason === 'cancelled') return 'cancelled';
  return state;
}

export function PaymentStateBadge({
  state,
  failureReason,
  size = 'md',
}: {
  state: PaymentState;
  failureReason: string | null;
  size?: 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation();
  const key = paymentStateKey(state, failureReason);
  return (
    <Badge color={COLORS[state]} variant="light" size={size} data-testid="payment-state" data-state={key}>
      {t(`dues.paymentStates.${key}`)}
    </Badge>
  );
}
