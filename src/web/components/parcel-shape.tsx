import { useTranslation } from 'react-i18next';
import type { ParcelDetail } from '../api/parcels.js';

const SIZE = 160;
const MARGIN = 8;
type Ring = [number, number][];

function outerRingOf(geometry: ParcelDetail['geometry']): Ring | null {
  const coordinates = geometry.coordinates as unknown;
  if (geometry.type === 'Polygon') return (coordinates as Ring[])[0] ?? null;
  if (geometry.type === 'MultiPolygon') return (coordinates as Ring[][])[0]?.[0] ?? null;
  return null;
}

/** The outline of the parcel, north up, scaled to fit: enough for a citizen to recognise their lot. */
export function ParcelShape({ geometry }: { geometry: ParcelDetail['geometry'] }) {
  const { t } = useTranslation();
  const ring = outerRingOf(geometry);
  if (!ring || ring.length < 3) return null;
  const meanLat = ring.reduce((sum, [, lat]) => sum + lat, 0) / ring.length;
  const xScale = Math.cos((meanLat * Math.PI) / 180);
  const points = ring.map(([lng, lat]) => [lng * xScale, -lat] as const);
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const [minX, minY] = [Math.min(...xs), Math.min(...ys)];
  const extent = Math.max(Math.max(...xs) - minX, Math.max(...ys) - minY) || 1;
  const scale = (SIZE - 2 * MARGIN) / extent;
  const path = points
    .map(([x, y]) => `${MARGIN + (x - minX) * scale},${MARGIN + (y - minY) * scale}`)
    .join(' ');
  return (
    <svg width={SIZE} height={SIZE} viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={t('parcel.shape')}>
      <title>{t('parcel.shape')}</title>
      <polygon
        points={path}
        fill="var(--mantine-color-teal-1)"
        stroke="var(--mantine-color-teal-7)"
        strokeWidth={2}
      />
    </svg>
  );
}
