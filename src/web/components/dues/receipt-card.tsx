import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Receipt, receiptPdfUrl } from '../../api/payments.js';
import { formatRials } from '../../format.js';
import { useFormat } from '../../hooks/use-format.js';
import { LANGUAGES } from '../../i18n/languages.js';
import { FactList } from '../fact-list.js';
import { LtrText } from '../ltr-text.js';
import { RialsAmount } from './rials-amount.js';

/** A completed payment's receipt on screen, with its PDF in each language. */
export function ReceiptCard({ receipt, token }: { receipt: Receipt; token: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const amount = (rials: number) => formatRials(rials, format.language);
  const payer =
    receipt.payer.kind === 'anonymous'
      ? t('dues.receipt.payerAnonymous')
      : receipt.payer.kind === 'office'
        ? t('dues.receipt.payerOffice', {
            office: receipt.payer.officeName ?? '',
            name: receipt.payer.name ?? '',
          })
        : (receipt.payer.name ?? '');
  return (
    <Card withBorder padding="lg" data-testid="receipt">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h3">
            {t('dues.receipt.title')}
          </Title>
          <Group gap="xs">
            {LANGUAGES.map((lang) => (
              <Button
                key={lang}
                component="a"
                href={receiptPdfUrl(receipt.paymentId, token, lang)}
                download
                variant={lang === format.language ? 'filled' : 'default'}
                size="xs"
                data-testid={`receipt-pdf-${lang}`}
              >
                {t(`dues.receipt.pdf.${lang}`)}
              </Button>
            ))}
          </Group>
        </Group>
        <FactList
          labelWidth={170}
          facts={[
            {
              label: t('dues.receipt.number'),
              value: <LtrText>{format.digits(receipt.receiptNo ?? receipt.paymentId)}</LtrText>,
            },
            ...(receipt.paidAt
              ? [{ label: t('dues.receipt.paidAt'), value: format.dateTime(receipt.paidAt) }]
              : []),
            { label: t('dues.receipt.payer'), value: payer },
            {
              label: t('dues.receipt.amount'),
              value: <RialsAmount amount={receipt.amountRials} size="md" />,
            },
            ...(receipt.refId
              ? [{ label: t('dues.receipt.refId'), value: <LtrText>{format.digits(receipt.refId)}</LtrText> }]
              : []),
            ...(receipt.cardPan
              ? [{ label: t('dues.receipt.card'), value: <LtrText>{receipt.cardPan}</LtrText> }]
              : []),
          ]}
        />
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" data-testid="receipt-items">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dues.bills.year')}</Table.Th>
                <Table.Th>{t('dues.bills.billId')}</Table.Th>
                <Table.Th>{t('dues.bills.paymentId')}</Table.Th>
                <Table.Th>{t('dues.bills.principal')}</Table.Th>
                <Table.Th>{t('dues.bills.penalty')}</Table.Th>
                <Table.Th>{t('dues.bills.prize')}</Table.Th>
                <Table.Th>{t('dues.bills.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {receipt.items.map((item) => (
                <Table.Tr key={item.billRecordId}>
                  <Table.Td>{format.ordinal(item.year)}</Table.Td>
                  <Table.Td>
                    <LtrText>{format.digits(item.billId)}</LtrText>
                  </Table.Td>
                  <Table.Td>
                    <LtrText>{format.digits(item.paymentId ?? '')}</LtrText>
                  </Table.Td>
                  <Table.Td>{amount(item.principalRials)}</Table.Td>
                  <Table.Td>{amount(item.penaltyRials)}</Table.Td>
                  <Table.Td>{amount(item.prizeRials)}</Table.Td>
                  <Table.Td fw={600}>{amount(item.amountRials)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="xs" c="dimmed">
          {t('dues.receipt.municipality', {
            name: {
              fa: receipt.municipality.nameFa,
              en: receipt.municipality.nameEn,
              vi: receipt.municipality.nameVi,
            }[format.language],
          })}
        </Text>
      </Stack>
    </Card>
  );
}
