import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapFeatures } from '../../api/zoning.js';
import { useFormat } from '../../hooks/use-format.js';
import { LtrText } from '../ltr-text.js';
import {
  hatchPatternId,
  OVERLAY_STYLES,
  PARCEL_STROKE,
  ZONE_FAMILIES,
  zoneColour,
  zoneFamilyOf,
} from './map-styles.js';

const HATCH_SPACING = 7;

/** The hatching of each overlay type, defined once in the page so that the map's SVG and the legend can use it. */
export function MapPatterns() {
  return (
    <svg width={0} height={0} aria-hidden="true" style={{ position: 'absolute' }}>
      <defs>
        {Object.entries(OVERLAY_STYLES).map(([type, style]) => (
          <pattern
            key={type}
            id={hatchPatternId(type)}
            width={HATCH_SPACING}
            height={HATCH_SPACING}
            patternUnits="userSpaceOnUse"
            patternTransform={`rotate(${style.angle})`}
          >
            <rect width={HATCH_SPACING} height={HATCH_SPACING} fill={style.colour} fillOpacity={0.08} />
            <line x1={0} y1={0} x2={0} y2={HATCH_SPACING} stroke={style.colour} strokeWidth={2.5} />
          </pattern>
        ))}
      </defs>
    </svg>
  );
}

function Swatch({ fill, stroke, dash }: { fill: string; stroke: string; dash?: string }) {
  return (
    <svg width={22} height={14} aria-hidden="true" style={{ flex: 'none' }}>
      <rect
        x={1}
        y={1}
        width={20}
        height={12}
        fill={fill}
        stroke={stroke}
        strokeWidth={1.5}
        strokeDasharray={dash}
      />
    </svg>
  );
}

/** Overlay labels are written to sit inside a sentence ("in the flood zone"); a legend starts them upper case. */
function capitalised(label: string, language: string): string {
  return label.charAt(0).toLocaleUpperCase(language) + label.slice(1);
}

function distinct<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** What the colours and hatchings mean, for the zones and overlays now in view. */
export function MapLegend({
  features,
  defaultOpen,
}: {
  features: MapFeatures | undefined;
  defaultOpen: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState(defaultOpen);
  const zones = features?.zones.features ?? [];
  const codes = distinct(zones.map((zone) => zone.properties.code)).sort();
  const names = new Map(zones.map((zone) => [zone.properties.code, zone.properties.name]));
  const overlayTypes = distinct(
    (features?.overlays.features ?? []).map((overlay) => overlay.properties.type),
  );
  return (
    <Paper className="map-legend" shadow="sm" p="xs" withBorder data-testid="map-legend">
      <Button variant="subtle" size="compact-sm" onClick={() => setOpen(!open)} aria-expanded={open}>
        {t('map.legend')}
      </Button>
      {open && (
        <Stack gap={6} mt={4}>
          {codes.length > 0 && (
            <Text size="xs" fw={700}>
              {t('map.zones')}
            </Text>
          )}
          {ZONE_FAMILIES.map((family) => {
            const inFamily = codes.filter((code) => zoneFamilyOf(code) === family);
            if (inFamily.length === 0) return null;
            return (
              <Stack key={family} gap={2}>
                <Text size="xs" c="dimmed">
                  {t(`map.families.${family}`)}
                </Text>
                <Group gap={8} wrap="wrap">
                  {inFamily.map((code) => (
                    <Group key={code} gap={4} wrap="nowrap" title={names.get(code) ?? undefined}>
                      <Swatch fill={zoneColour(code)} stroke="#868e96" />
                      <Text size="xs">
                        <LtrText>{code}</LtrText>
                      </Text>
                    </Group>
                  ))}
                </Group>
              </Stack>
            );
          })}
          {overlayTypes.length > 0 && (
            <Text size="xs" fw={700}>
              {t('map.overlays')}
            </Text>
          )}
          {overlayTypes.map((type) => {
            const style = OVERLAY_STYLES[type] ?? OVERLAY_STYLES.other;
            return (
              <Group key={type} gap={6} wrap="nowrap">
                <Swatch fill={`url(#${hatchPatternId(type)})`} stroke={style.colour} dash={style.dash} />
                <Text size="xs">{capitalised(format.code('overlayTypes', type), format.language)}</Text>
              </Group>
            );
          })}
          {features?.parcels && (
            <Group gap={6} wrap="nowrap">
              <Swatch fill="none" stroke={PARCEL_STROKE} />
              <Text size="xs">{t('map.parcels')}</Text>
            </Group>
          )}
        </Stack>
      )}
    </Paper>
  );
}
