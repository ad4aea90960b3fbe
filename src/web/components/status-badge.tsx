import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type AccountStatus = 'active' | 'inactive' | 'locked' | 'revoked';

const COLORS: Record<AccountStatus, string> = {
  active: 'teal',
  inactive: 'gray',
  locked: 'orange',
  revoked: 'red',
};

export function StatusBadge({ status }: { status: AccountStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`status.${status}`)}
    </Badge>
  );
}

export function accountStatusOf(
  account: { isActive: boolean; lockedUntil: string | null },
  now = Date.now(),
): AccountStatus {
  if (!account.isActive) return 'inactive';
  if (account.lockedUntil && new Date(account.lockedUntil).getTime() > now) return 'locked';
  return 'active';
}
