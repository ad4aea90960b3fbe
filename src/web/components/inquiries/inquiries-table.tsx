import { Anchor, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { certificatePdfPath, certificateVerifyPath, type Inquiry } from '../../api/inquiries.js';
import { useFormat } from '../../hooks/use-format.js';
import { LtrText } from '../ltr-text.js';
import { InquiryStatusBadge } from './inquiry-status-badge.js';

/**
 * Inquiries, newest first: an office's own requests (`onOpen` shows one), or those about a citizen's parcels (with
 * who asked). An issued one links its certificate's PDF and verification page.
 */
export function InquiriesTable({
  inquiries,
  showRequester = false,
  onOpen,
}: {
  inquiries: Inquiry[];
  showRequester?: boolean;
  onOpen?: (inquiry: Inquiry) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const pdfLanguage = format.language === 'fa' ? 'fa' : 'en';
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="sm" data-testid="inquiries-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('inquiries.table.createdAt')}</Table.Th>
            {showRequester && <Table.Th>{t('inquiries.table.requester')}</Table.Th>}
            <Table.Th>{t('inquiries.table.parcel')}</Table.Th>
            <Table.Th>{t('inquiries.table.purpose')}</Table.Th>
            <Table.Th>{t('inquiries.table.status')}</Table.Th>
            <Table.Th>{t('inquiries.table.certificate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {inquiries.map((inquiry) => (
            <Table.Tr
              key={inquiry.id}
              data-testid="inquiry-row"
              data-inquiry-id={inquiry.id}
              data-status={inquiry.status}
            >
              <Table.Td>
                {onOpen ? (
                  <Anchor component="button" type="button" size="sm" onClick={() => onOpen(inquiry)}>
                    {format.dateTime(inquiry.createdAt)}
                  </Anchor>
                ) : (
                  <Text size="sm">{format.dateTime(inquiry.createdAt)}</Text>
                )}
              </Table.Td>
              {showRequester && (
                <Table.Td>
                  <Text size="sm">{inquiry.requester.name}</Text>
                </Table.Td>
              )}
              <Table.Td>
                <LtrText>{format.digits(inquiry.parcel.renewalCode)}</LtrText>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`inquiries.purpose.${inquiry.purpose}`)}</Text>
              </Table.Td>
              <Table.Td>
                <InquiryStatusBadge status={inquiry.status} />
              </Table.Td>
              <Table.Td>
                {inquiry.certificate ? (
                  <Group gap="xs" wrap="nowrap">
                    <LtrText>{format.digits(inquiry.certificate.number)}</LtrText>
                    <Anchor
                      href={certificatePdfPath(inquiry.certificate.number, pdfLanguage)}
                      download
                      size="sm"
                      data-testid="inquiry-row-pdf"
                    >
                      {t('inquiries.table.pdf')}
                    </Anchor>
                    <Anchor href={certificateVerifyPath(inquiry.certificate)} size="sm">
                      {t('inquiries.table.verify')}
                    </Anchor>
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('cases.none')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
