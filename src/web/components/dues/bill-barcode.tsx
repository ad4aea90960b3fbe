import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LtrText } from '../ltr-text.js';
import { barsOf, interleaved2of5, symbolWidth } from './interleaved-2-of-5.js';

const QUIET = 10;
const MODULE_PX = 2;

/** A bill's 26-digit barcode (bill ID and payment ID, each padded to 13) as Interleaved 2 of 5, for a scanner. */
export function BillBarcode({ barcode }: { barcode: string }) {
  const { t } = useTranslation();
  const elements = interleaved2of5(barcode);
  const width = symbolWidth(elements, QUIET);
  return (
    <Stack gap={4} align="center">
      <svg
        viewBox={`0 0 ${width} 40`}
        width={width * MODULE_PX}
        height={80}
        role="img"
        aria-label={t('dues.barcode.label')}
        data-testid="bill-barcode"
        data-barcode={barcode}
        shapeRendering="crispEdges"
        style={{ maxWidth: '100%', background: '#fff' }}
      >
        <rect x={0} y={0} width={width} height={40} fill="#fff" />
        {barsOf(elements, QUIET).map(([x, w]) => (
          <rect key={x} x={x} y={0} width={w} height={40} fill="#000" />
        ))}
      </svg>
      <Text size="xs" c="dimmed" ff="monospace">
        <LtrText>{barcode}</LtrText>
      </Text>
    </Stack>
  );
}
