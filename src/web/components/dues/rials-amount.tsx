import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { amountInWords } from '../../format.js';
import { useFormat } from '../../hooks/use-format.js';

/** An amount in rials, with thousands separators in the UI's digits, and in Persian words under it. */
export function RialsAmount({
  amount,
  size = 'lg',
  testId,
}: {
  amount: number;
  size?: 'sm' | 'md' | 'lg' | 'xl';
  testId?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const words = amountInWords(amount, format.language);
  return (
    <Stack gap={0}>
      <Text size={size} fw={700} data-testid={testId} data-amount={amount}>
        {format.rials(amount)}
      </Text>
      {words && (
        <Text size="xs" c="dimmed">
          {t('dues.amount.inWords', { words })}
        </Text>
      )}
    </Stack>
  );
}
