import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InquiryStatus } from '../../api/inquiries.js';

const COLORS: Record<InquiryStatus, string> = {
  issued: 'teal',
  in_review: 'yellow',
  refused: 'red',
  withdrawn: 'gray',
};

export function InquiryStatusBadge({ status }: { status: InquiryStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" data-testid="inquiry-status" data-status={status}>
      {t(`inquiries.status.${status}`)}
    </Badge>
  );
}
