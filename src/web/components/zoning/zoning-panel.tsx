import { Alert, Badge, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  OverlayHit,
  ParcelZoning,
  PointLookup,
  PointParcelZoning,
  RuleSetRef,
  ZoningRule,
} from '../../api/zoning.js';
import { useFormat } from '../../hooks/use-format.js';
import { type Fact, FactList } from '../fact-list.js';
import { LtrText } from '../ltr-text.js';
import { ParcelPlate } from '../parcel-plate.js';
import { FeeEstimateView } from './fee-estimate.js';
import { hatchPatternId, overlayStyleOf, zoneColour } from './map-styles.js';

const FULL_SHARE = 0.995;
const LABEL_WIDTH = 150;

/** The zone's name, unless it only repeats the code the badge already shows ("Zone S211"). */
function zoneNameOf(zone: { code: string; name: string | null }): string | null {
  return zone.name && !zone.name.includes(zone.code) ? zone.name : null;
}

export function ZoneBadge({ code }: { code: string }) {
  return (
    <Badge
      size="lg"
      radius="sm"
      autoContrast
      color={zoneColour(code)}
      style={{ border: '1px solid rgba(0, 0, 0, 0.2)' }}
      data-testid="zone-code"
    >
      <LtrText>{code}</LtrText>
    </Badge>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** The limits of one row of a zone's table, in the UI language. */
function useRuleFacts(rule: ZoningRule): Fact[] {
  const { t } = useTranslation();
  const format = useFormat();
  const orNoLimit = (value: number | null, show: (value: number) => ReactNode) =>
    value === null ? t('zoning.noLimit') : show(value);
  const units =
    rule.maxUnits !== null
      ? format.number(rule.maxUnits)
      : rule.minOpenSpacePerUnitM2 !== null
        ? t('zoning.unitsByOpenSpace', { area: format.area(rule.minOpenSpacePerUnitM2) })
        : t('zoning.noLimit');
  const facts: Fact[] = [
    {
      label: t('zoning.density'),
      value: <span data-testid="density">{orNoLimit(rule.maxDensityPct, format.percent)}</span>,
    },
    {
      label: t('zoning.coverage'),
      value: <span data-testid="coverage">{orNoLimit(rule.maxCoveragePct, format.percent)}</span>,
    },
    { label: t('zoning.maxFloors'), value: orNoLimit(rule.maxFloors, format.number) },
    { label: t('zoning.maxUnits'), value: units },
    {
      label: t('zoning.minStreetWidth'),
      value: rule.minStreetWidthM === null ? t('zoning.anyStreet') : format.metres(rule.minStreetWidthM),
    },
  ];
  if (rule.maxHeightM !== null)
    facts.push({ label: t('zoning.maxHeight'), value: format.metres(rule.maxHeightM) });
  if (rule.maxUnits !== null && rule.minOpenSpacePerUnitM2 !== null)
    facts.push({ label: t('zoning.minOpenSpacePerUnit'), value: format.area(rule.minOpenSpacePerUnitM2) });
  if (rule.setbacks) facts.push({ label: t('zoning.setbacks'), value: rule.setbacks });
  if (rule.allowedUses)
    facts.push({
      label: t('zoning.allowedUses'),
      value: rule.allowedUses.map((use) => format.code('landUse', use)).join(t('list.separator')),
    });
  facts.push({ label: t('zoning.lotRange'), value: <LtrText>{format.digits(rule.lotRange)}</LtrText> });
  return facts;
}

function RuleFacts({ rule }: { rule: ZoningRule }) {
  return <FactList facts={useRuleFacts(rule)} labelWidth={LABEL_WIDTH} />;
}

/** The dated version of the rules: when it took effect (Jalali) and the resolution that approved it. */
export function RuleVersion({ ruleSet }: { ruleSet: RuleSetRef }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <FactList
      labelWidth={LABEL_WIDTH}
      facts={[
        { label: t('zoning.effectiveFrom'), value: format.date(ruleSet.effectiveFrom) },
        {
          label: t('zoning.resolution'),
          value: <span data-testid="resolution">{ruleSet.resolutionNo}</span>,
        },
      ]}
    />
  );
}

function OverlaySwatch({ type }: { type: string }) {
  const style = overlayStyleOf(type);
  return (
    <svg width={18} height={14} aria-hidden="true" style={{ flex: 'none', marginTop: 3 }}>
      <rect
        x={1}
        y={1}
        width={16}
        height={12}
        fill={`url(#${hatchPatternId(type)})`}
        stroke={style.colour}
        strokeWidth={1.5}
        strokeDasharray={style.dash}
      />
    </svg>
  );
}

/** Each overlay touching the parcel with the share of the parcel it takes ("12% of the parcel in the street-widening plan"). */
function OverlayShares({ overlays }: { overlays: OverlayHit[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (overlays.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('overlays.none')}
      </Text>
    );
  return (
    <Stack gap={4} data-testid="overlays">
      {overlays.map((overlay) => (
        <Group
          key={`${overlay.type}|${overlay.name}|${overlay.areaM2}`}
          gap="xs"
          wrap="nowrap"
          align="flex-start"
        >
          <OverlaySwatch type={overlay.type} />
          <div>
            <Text size="sm" fw={500}>
              {t('overlays.share', {
                share: format.fraction(overlay.share),
                overlay: format.code('overlayTypes', overlay.type),
              })}
            </Text>
            <Text size="xs" c="dimmed">
              {overlay.name && (
                <>
                  <bdi>{overlay.name}</bdi>
                  {t('list.separator')}
                </>
              )}
              <bdi>{format.area(overlay.areaM2)}</bdi>
            </Text>
          </div>
        </Group>
      ))}
    </Stack>
  );
}

interface ParcelZoningViewProps {
  /** A point lookup's answer has no address: the line is left out until the parcel's own zoning arrives. */
  zoning: ParcelZoning | PointParcelZoning;
  /** Shown beside the renewal code (a link to share, a close button). */
  actions?: ReactNode;
  /** The parcel's own facts (address, plate, area); off where the page already shows them. */
  showParcel?: boolean;
}

/** What may be built on a parcel: its zone, the rule row and what it means for this lot, overlays and fees. */
export function ParcelZoningView({ zoning, actions, showParcel = true }: ParcelZoningViewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { parcel, zone, rule, limits, fees } = zoning;
  return (
    <Stack gap="md" data-testid="zoning-panel">
      {showParcel && (
        <Stack gap={6}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Text size="xs" c="dimmed">
                {t('parcel.renewalCode')}
              </Text>
              <Title order={2} size="h3" data-testid="zoning-renewal-code">
                <LtrText>{format.digits(parcel.renewalCode)}</LtrText>
              </Title>
            </div>
            {actions}
          </Group>
          {'address' in parcel && (
            <Text size="sm" fw={500} data-testid="zoning-address">
              {parcel.address ?? t('parcel.noAddress')}
            </Text>
          )}
          <FactList
            labelWidth={LABEL_WIDTH}
            facts={[
              { label: t('parcel.landUse'), value: format.code('landUse', parcel.landUse) },
              { label: t('parcel.landArea'), value: format.area(parcel.landAreaM2) },
              {
                label: t('zoning.streetWidth'),
                value: parcel.streetWidthM === null ? t('common.none') : format.metres(parcel.streetWidthM),
              },
              { label: t('parcel.plate'), value: <ParcelPlate plate={parcel.plate} /> },
              { label: t('parcel.district'), value: format.district(parcel.districtNumber) },
            ]}
          />
        </Stack>
      )}
      <Section title={t('zoning.zone')}>
        {zone ? (
          <Group gap="xs" wrap="nowrap">
            <ZoneBadge code={zone.code} />
            <div>
              {zoneNameOf(zone) && <Text size="sm">{zoneNameOf(zone)}</Text>}
              {zone.share < FULL_SHARE && (
                <Text size="xs" c="dimmed">
                  {t('zoning.zoneShare', { share: format.fraction(zone.share) })}
                </Text>
              )}
            </div>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('zoning.noZone')}
          </Text>
        )}
      </Section>
      {zoning.noRuleReason && (
        <Alert color="orange" variant="light" title={t('zoning.noRule')}>
          {zoning.noRuleReason}
        </Alert>
      )}
      {rule && (
        <Section title={t('zoning.rules')}>
          {zoning.streetFallback && parcel.streetWidthM !== null && (
            <Text size="sm" c="orange.8" data-testid="street-fallback">
              {t('zoning.streetFallback', {
                street: format.metres(parcel.streetWidthM),
                required: format.metres(zoning.streetFallback.requiredStreetWidthM),
                row: `\u2066${format.digits(zoning.streetFallback.lotRange)}\u2069`,
              })}
            </Text>
          )}
          <RuleFacts rule={rule} />
          {rule.notes.length > 0 && (
            <List size="xs" c="dimmed" spacing={2}>
              {rule.notes.map((note) => (
                <List.Item key={note}>{note}</List.Item>
              ))}
            </List>
          )}
        </Section>
      )}
      {limits && (
        <Section title={t('zoning.forThisParcel')}>
          <FactList
            labelWidth={LABEL_WIDTH}
            facts={[
              ...(limits.maxTotalFloorAreaM2 !== null
                ? [{ label: t('zoning.maxTotalFloorArea'), value: format.area(limits.maxTotalFloorAreaM2) }]
                : []),
              ...(limits.maxFootprintM2 !== null
                ? [{ label: t('zoning.maxFootprint'), value: format.area(limits.maxFootprintM2) }]
                : []),
              ...(limits.maxFloors !== null
                ? [{ label: t('zoning.maxFloors'), value: format.number(limits.maxFloors) }]
                : []),
              ...(limits.maxUnits !== null
                ? [{ label: t('zoning.maxUnits'), value: format.number(limits.maxUnits) }]
                : []),
              ...(limits.minOpenSpaceM2 !== null
                ? [{ label: t('zoning.minOpenSpace'), value: format.area(limits.minOpenSpaceM2) }]
                : []),
            ]}
          />
        </Section>
      )}
      {'conditions' in zoning && zoning.conditions.length > 0 && (
        <Section title={t('zoning.conditions')}>
          <List size="xs" spacing={2}>
            {zoning.conditions.map((condition) => (
              <List.Item key={condition}>{condition}</List.Item>
            ))}
          </List>
        </Section>
      )}
      <Section title={t('overlays.title')}>
        <OverlayShares overlays={zoning.overlays} />
      </Section>
      {zoning.ruleSet && (
        <Section title={t('zoning.version')}>
          <RuleVersion ruleSet={zoning.ruleSet} />
        </Section>
      )}
      {fees && (
        <>
          <Text size="sm">{t('fees.assumption', { area: format.area(fees.totalFloorAreaM2) })}</Text>
          <FeeEstimateView fees={fees} title={t('fees.title')} />
        </>
      )}
    </Stack>
  );
}

/** Every row of a zone's table, for a point of the map where no parcel is registered. */
export function ZoneRulesTable({ rules }: { rules: ZoningRule[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const orDash = (value: number | null, show: (value: number) => string) =>
    value === null ? '—' : show(value);
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table
        fz="xs"
        striped
        withTableBorder
        verticalSpacing={4}
        horizontalSpacing={6}
        data-testid="zone-rules"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('zoning.lotRange')}</Table.Th>
            <Table.Th>{t('zoning.density')}</Table.Th>
            <Table.Th>{t('zoning.coverage')}</Table.Th>
            <Table.Th>{t('zoning.maxFloors')}</Table.Th>
            <Table.Th>{t('zoning.maxUnits')}</Table.Th>
            <Table.Th>{t('zoning.minStreetWidth')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((rule) => (
            <Table.Tr key={rule.id}>
              <Table.Td>
                <LtrText>{format.digits(rule.lotRange)}</LtrText>
              </Table.Td>
              <Table.Td>{orDash(rule.maxDensityPct, format.percent)}</Table.Td>
              <Table.Td>{orDash(rule.maxCoveragePct, format.percent)}</Table.Td>
              <Table.Td>{orDash(rule.maxFloors, format.number)}</Table.Td>
              <Table.Td>{orDash(rule.maxUnits, format.number)}</Table.Td>
              <Table.Td>{orDash(rule.minStreetWidthM, format.metres)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A point of the map with no parcel: its zone, the overlays there and the zone's whole table. */
export function PointLookupView({ lookup, actions }: { lookup: PointLookup; actions?: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const setbacks = [...new Set(lookup.zoneRules.map((rule) => rule.setbacks).filter(Boolean))];
  return (
    <Stack gap="md" data-testid="point-panel">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Title order={2} size="h4">
          {t('map.pointTitle')}
        </Title>
        {actions}
      </Group>
      <Text size="sm" c="dimmed">
        {t('map.noParcelHere')}
      </Text>
      <Section title={t('zoning.zone')}>
        {lookup.zone ? (
          <Group gap="xs" wrap="nowrap">
            <ZoneBadge code={lookup.zone.code} />
            {zoneNameOf(lookup.zone) && <Text size="sm">{zoneNameOf(lookup.zone)}</Text>}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('zoning.noZone')}
          </Text>
        )}
      </Section>
      {lookup.overlays.length > 0 && (
        <Section title={t('overlays.titleHere')}>
          {lookup.overlays.map((overlay) => (
            <Group key={`${overlay.type}|${overlay.name}`} gap="xs" wrap="nowrap" align="flex-start">
              <OverlaySwatch type={overlay.type} />
              <div>
                <Text size="sm" fw={500}>
                  {t('overlays.here', { overlay: format.code('overlayTypes', overlay.type) })}
                </Text>
                {overlay.name && (
                  <Text size="xs" c="dimmed">
                    <bdi>{overlay.name}</bdi>
                  </Text>
                )}
              </div>
            </Group>
          ))}
        </Section>
      )}
      {lookup.zoneRules.length > 0 && (
        <Section title={t('zoning.zoneTable')}>
          <ZoneRulesTable rules={lookup.zoneRules} />
          {setbacks.map((text) => (
            <Text key={text} size="xs" c="dimmed">
              {t('zoning.setbacks')}: {text}
            </Text>
          ))}
        </Section>
      )}
    </Stack>
  );
}
