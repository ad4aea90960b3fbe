import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type CertificateRef, certificatePdfPath, certificateVerifyPath } from '../../api/inquiries.js';
import { useFormat } from '../../hooks/use-format.js';
import { type Fact, FactList } from '../fact-list.js';
import { LtrText } from '../ltr-text.js';

const OUTCOME_COLORS: Record<string, string> = {
  no_objection: 'teal',
  conditional: 'orange',
  refused: 'red',
};

/** An issued certificate: its number, outcome and validity (Jalali), its PDF in Persian or English, and its verification page. */
export function CertificateCard({ certificate, title }: { certificate: CertificateRef; title: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const facts: Fact[] = [
    {
      label: t('inquiries.certificate.number'),
      value: (
        <LtrText>
          <span data-testid="certificate-number" data-number={certificate.number}>
            {format.digits(certificate.number)}
          </span>
        </LtrText>
      ),
    },
  ];
  if (certificate.outcome)
    facts.push({
      label: t('inquiries.certificate.outcome'),
      value: (
        <Text size="sm" fw={600} c={OUTCOME_COLORS[certificate.outcome]} data-testid="certificate-outcome">
          {t(`inquiries.outcome.${certificate.outcome}`)}
        </Text>
      ),
    });
  if (certificate.issuedAt)
    facts.push({ label: t('inquiries.certificate.issuedAt'), value: format.dateTime(certificate.issuedAt) });
  if (certificate.validUntil)
    facts.push({
      label: t('inquiries.certificate.validUntil'),
      value: <span data-testid="certificate-valid-until">{format.dateTime(certificate.validUntil)}</span>,
    });
  return (
    <Alert color={OUTCOME_COLORS[certificate.outcome ?? ''] ?? 'teal'} variant="light" title={title}>
      <Stack gap="sm" data-testid="certificate">
        <FactList facts={facts} labelWidth={150} />
        <Group gap="sm">
          <Button
            component="a"
            href={certificatePdfPath(certificate.number, 'fa')}
            download
            size="xs"
            data-testid="certificate-pdf-fa"
          >
            {t('inquiries.certificate.pdfFa')}
          </Button>
          <Button
            component="a"
            href={certificatePdfPath(certificate.number, 'en')}
            download
            size="xs"
            variant="light"
            data-testid="certificate-pdf-en"
          >
            {t('inquiries.certificate.pdfEn')}
          </Button>
          <Anchor href={certificateVerifyPath(certificate)} size="sm" data-testid="certificate-verify">
            {t('inquiries.certificate.verify')}
          </Anchor>
        </Group>
      </Stack>
    </Alert>
  );
}
