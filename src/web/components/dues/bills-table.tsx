import { Badge, Checkbox, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Bill, isPayable } from '../../api/bills.js';
import { formatRials } from '../../format.js';
import { useFormat } from '../../hooks/use-format.js';
import { LtrText } from '../ltr-text.js';

const STATE_COLORS = { open: 'orange', paid: 'teal', exempt: 'gray', cancelled: 'gray' } as const;

/**
 * A parcel's bills by year with what paying each costs today (principal, late penalty, prize for paying within the
 * year, payable); the payable ones can be ticked to pay together.
 */
export function BillsTable({
  bills,
  selected,
  onToggle,
}: {
  bills: Bill[];
  selected: ReadonlySet<string>;
  onToggle: (bill: Bill) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const amount = (rials: number) => formatRials(rials, format.language);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs" data-testid="bills-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40} />
            <Table.Th>{t('dues.bills.year')}</Table.Th>
            <Table.Th>{t('dues.bills.billId')}</Table.Th>
            <Table.Th>{t('dues.bills.principal')}</Table.Th>
            <Table.Th>{t('dues.bills.penalty')}</Table.Th>
            <Table.Th>{t('dues.bills.prize')}</Table.Th>
            <Table.Th>{t('dues.bills.payableToday')}</Table.Th>
            <Table.Th>{t('dues.bills.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bills.map((bill) => {
            const quote = bill.quote;
            const payable = isPayable(bill);
            return (
              <Table.Tr key={bill.id} data-testid="bill-row" data-bill-id={bill.billId} data-year={bill.year}>
                <Table.Td>
                  {payable && (
                    <Checkbox
                      checked={selected.has(bill.id)}
                      onChange={() => onToggle(bill)}
                      aria-label={t('dues.bills.select', { year: format.ordinal(bill.year) })}
                      data-testid="bill-select"
                    />
                  )}
                </Table.Td>
                <Table.Td fw={600}>{format.ordinal(bill.year)}</Table.Td>
                <Table.Td>
                  <LtrText>{format.digits(bill.billId)}</LtrText>
                </Table.Td>
                <Table.Td>{amount(quote?.principalRials ?? bill.principalRials)}</Table.Td>
                <Table.Td>
                  {quote && quote.penaltyRials > 0 ? (
                    <>
                      <Text size="sm" c="red.8" span>
                        {amount(quote.penaltyRials)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('dues.bills.monthsLate', {
                          months: format.ordinal(quote.monthsLate),
                          pct: format.percent(quote.penaltyPct),
                        })}
                      </Text>
                    </>
                  ) : (
                    amount(0)
                  )}
                </Table.Td>
                <Table.Td>
                  {quote && quote.prizeRials > 0 ? (
                    <Text size="sm" c="teal.8" span>
                      {amount(quote.prizeRials)}
                    </Text>
                  ) : (
                    amount(0)
                  )}
                </Table.Td>
                <Table.Td fw={700} data-testid="bill-payable">
                  {quote ? amount(quote.payableRials) : t('dues.bills.nothingDue')}
                </Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLORS[bill.state]} variant="light">
                    {t(`dues.billStates.${bill.state}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
