import { Alert, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Inquiry } from '../../api/inquiries.js';
import { useFormat } from '../../hooks/use-format.js';
import { LtrText } from '../ltr-text.js';
import { CertificateCard } from './certificate-card.js';
import { DecisionConditions } from './decision-conditions.js';
import { InquiryStatusBadge } from './inquiry-status-badge.js';

/** The municipality's answer to one inquiry: the certificate when issued, else why it is in review and how to follow it. */
export function InquiryAnswer({ inquiry }: { inquiry: Inquiry }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="sm" data-testid="inquiry-answer" data-inquiry-id={inquiry.id} data-status={inquiry.status}>
      <Group gap="sm">
        <InquiryStatusBadge status={inquiry.status} />
        <Text size="sm">
          {t('inquiries.parcelLine', {
            renewalCode: format.digits(inquiry.parcel.renewalCode),
            purpose: t(`inquiries.purpose.${inquiry.purpose}`),
          })}
        </Text>
      </Group>
      {inquiry.certificate && (
        <CertificateCard
          certificate={inquiry.certificate}
          title={inquiry.autoIssued ? t('inquiries.answer.autoIssued') : t('inquiries.answer.issued')}
        />
      )}
      {inquiry.status === 'in_review' && (
        <Alert color="yellow" variant="light" title={t('inquiries.answer.inReviewTitle')}>
          <Stack gap="xs">
            <Text size="sm">
              {inquiry.decision.siteVisit ? t('inquiries.answer.siteVisit') : t('inquiries.answer.review')}
            </Text>
            {inquiry.case.trackingCode && (
              <Text size="sm">
                {t('inquiries.answer.trackingCode')}{' '}
                <LtrText>
                  <Text span fw={700} data-testid="inquiry-tracking-code">
                    {format.digits(inquiry.case.trackingCode)}
                  </Text>
                </LtrText>
              </Text>
            )}
          </Stack>
        </Alert>
      )}
      <Text size="sm" fw={600}>
        {t('inquiries.conditions.title')}
      </Text>
      <DecisionConditions conditions={inquiry.decision.conditions} />
    </Stack>
  );
}
