import { Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FeeEstimateNumbers } from '../../api/zoning.js';
import { amountInWords } from '../../format.js';
import { useFormat } from '../../hooks/use-format.js';

function FormulaLine({ line }: { line: FeeEstimateNumbers['lines'][number] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (line.basisM2 <= 0) return null;
  return (
    <Text size="xs" c="dimmed">
      {t('fees.formula', {
        basis: format.area(line.basisM2),
        rate: t('units.rialsPerSquareMetre', { value: format.number(line.rateRialsPerM2) }),
        amount: format.rials(line.amountRials),
      })}
    </Text>
  );
}

/** A permit-fee estimate: one line per item with its formula, the total in rials, and the tariff it follows. */
export function FeeEstimateView({ fees, title }: { fees: FeeEstimateNumbers; title: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const words = amountInWords(fees.totalRials, format.language);
  return (
    <Stack gap="xs" data-testid="fee-estimate">
      <Title order={3} size="h5">
        {title}
      </Title>
      <Table verticalSpacing={6} horizontalSpacing="xs" fz="sm">
        <Table.Tbody>
          {fees.lines.map((line) => (
            <Table.Tr key={line.item}>
              <Table.Td>
                <Text size="sm">{format.code('feeItems', line.item)}</Text>
                <FormulaLine line={line} />
              </Table.Td>
              <Table.Td ta="end" style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                {format.rials(line.amountRials)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>{t('fees.total')}</Table.Th>
            <Table.Th ta="end" style={{ whiteSpace: 'nowrap' }} data-testid="fee-total">
              {format.rials(fees.totalRials)}
            </Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      {words && (
        <Text size="xs" c="dimmed" data-testid="fee-total-words">
          {t('fees.inWords', { amount: t('units.rials', { value: words }) })}
        </Text>
      )}
      {fees.notAllowedAreaM2 > 0 && (
        <Text size="xs" c="red.8">
          {t('fees.notAllowed', { area: format.area(fees.notAllowedAreaM2) })}
        </Text>
      )}
      <Group gap={4}>
        <Text size="xs" c="dimmed">
          {t('fees.tariff', { date: format.date(fees.tariff.effectiveFrom) })}
        </Text>
        <Text size="xs" c="dimmed">
          {fees.tariff.resolutionNo}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {t('fees.estimateNote')}
      </Text>
    </Stack>
  );
}
