import {
  Alert,
  Button,
  CloseButton,
  CopyButton,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePublicMunicipality } from '../api/municipality.js';
import {
  type MapView,
  type PointParcelZoning,
  type PublicParcel,
  useMapExtent,
  useMapFeatures,
  useParcelZoning,
  useZoningLookup,
} from '../api/zoning.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { LoadingState } from '../components/loading-state.js';
import { MapLegend, MapPatterns } from '../components/zoning/map-legend.js';
import { ParcelSearchBox } from '../components/zoning/parcel-search.js';
import { type LatLng, ZoningMap } from '../components/zoning/zoning-map.js';
import { ParcelZoningView, PointLookupView } from '../components/zoning/zoning-panel.js';
import { useFormat } from '../hooks/use-format.js';

const POINT_DECIMALS = 6;
const NARROW_SCREEN = '(max-width: 48em)';
/** The legend's width (see .map-legend), kept free when the map shows the whole city. */
const LEGEND_WIDTH = 240;
/** The bottom sheet's height on a phone, as a share of the window (see .map-page__details[data-sheet]). */
const SHEET_HEIGHT = 0.45;

/** `?at=lat,lng` as a point, or null. */
function pointOf(at: string | null): LatLng | null {
  const [lat, lng] = (at ?? '').split(',').map(Number);
  return at && Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null;
}

function PanelActions({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <CopyButton value={window.location.href}>
        {({ copied, copy }) => (
          <Button size="compact-xs" variant="light" onClick={copy} color={copied ? 'teal' : 'gray'}>
            {copied ? t('common.copied') : t('map.copyLink')}
          </Button>
        )}
      </CopyButton>
      <CloseButton onClick={onClose} aria-label={t('common.close')} />
    </Group>
  );
}

/**
 * «What may I build here?»: the public zoning map. The selection lives in the address so that it can be shared:
 * `?parcel=<renewal code>` opens a parcel, `?at=<lat>,<lng>` a point of the map.
 */
export function MapPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const narrow = useMediaQuery(NARROW_SCREEN, undefined, { getInitialValueInEffect: false });
  const [searchParams, setSearchParams] = useSearchParams();
  const parcelCode = searchParams.get('parcel');
  const atParam = searchParams.get('at');
  const point = useMemo(() => (parcelCode ? null : pointOf(atParam)), [parcelCode, atParam]);

  const extent = useMapExtent();
  const { data: municipality } = usePublicMunicipality();
  const [view, setView] = useState<MapView | null>(null);
  const features = useMapFeatures(view);
  const zoning = useParcelZoning(parcelCode);
  const lookup = useZoningLookup(point);
  const [focus, setFocus] = useState<(LatLng & { key: string }) | null>(null);
  // A parcel picked on the map is already in view: only parcels opened by search or by link move the map.
  const pickedOnMap = useRef<string | null>(null);

  // A click that lands on a parcel becomes that parcel's address. The lookup's answer is shown at once while the
  // parcel's own zoning (which adds its address) loads.
  const [clicked, setClicked] = useState<PointParcelZoning | null>(null);
  const found = lookup.data?.parcel ?? null;
  useEffect(() => {
    if (!found) return;
    pickedOnMap.current = found.parcel.renewalCode;
    setClicked(found);
    setSearchParams({ parcel: found.parcel.renewalCode }, { replace: true });
  }, [found, setSearchParams]);

  const centroid = zoning.data?.parcel.centroid;
  useEffect(() => {
    if (!parcelCode || !centroid || pickedOnMap.current === parcelCode) return;
    setFocus({ ...centroid, key: parcelCode });
  }, [parcelCode, centroid]);

  function openParcel(parcel: PublicParcel) {
    pickedOnMap.current = null;
    setFocus({ ...parcel.centroid, key: parcel.renewalCode });
    setSearchParams({ parcel: parcel.renewalCode });
  }

  function pick(at: LatLng) {
    setSearchParams({ at: `${at.lat.toFixed(POINT_DECIMALS)},${at.lng.toFixed(POINT_DECIMALS)}` });
  }

  function close() {
    pickedOnMap.current = null;
    setSearchParams({});
  }

  const selected = parcelCode !== null || point !== null;
  const actions = <PanelActions onClose={close} />;
  let details: ReactNode = null;
  if (parcelCode) {
    details = zoning.isPending ? (
      clicked?.parcel.renewalCode === parcelCode ? (
        <ParcelZoningView zoning={clicked} actions={actions} />
      ) : (
        <LoadingState />
      )
    ) : zoning.error ? (
      <Stack>
        <Group justify="flex-end">{actions}</Group>
        <ApiErrorAlert error={zoning.error} />
      </Stack>
    ) : (
      <ParcelZoningView zoning={zoning.data} actions={actions} />
    );
  } else if (point) {
    details = lookup.isPending ? (
      <LoadingState />
    ) : lookup.error ? (
      <Stack>
        <Group justify="flex-end">{actions}</Group>
        <ApiErrorAlert error={lookup.error} />
      </Stack>
    ) : lookup.data.parcel ? (
      <ParcelZoningView zoning={lookup.data.parcel} actions={actions} />
    ) : (
      <PointLookupView lookup={lookup.data} actions={actions} />
    );
  }

  const marker = zoning.data && parcelCode ? zoning.data.parcel.centroid : point;
  const data = features.data;
  return (
    <div className="map-page">
      <MapPatterns />
      <aside className="map-page__side">
        <Stack gap="sm">
          <div>
            <Title order={1} size="h3" data-testid="page-title">
              {t('map.title')}
            </Title>
            {!narrow && (
              <Text size="sm" c="dimmed">
                {t('map.intro')}
              </Text>
            )}
          </div>
          <ParcelSearchBox onOpen={openParcel} />
        </Stack>
        {selected ? (
          <Paper
            className="map-page__details"
            data-sheet={narrow || undefined}
            p={narrow ? 'md' : 0}
            shadow={narrow ? 'xl' : undefined}
            withBorder={narrow}
            data-testid="map-details"
          >
            {details}
          </Paper>
        ) : (
          !narrow && (
            <Text size="sm" c="dimmed" mt="md">
              {t('map.clickHint')}
            </Text>
          )
        )}
      </aside>
      <div className="map-page__map">
        {extent.isPending && <LoadingState />}
        <ApiErrorAlert error={extent.error} />
        {extent.data && (
          <ZoningMap
            extent={extent.data}
            features={data}
            focus={focus}
            marker={marker}
            selectedParcelId={zoning.data?.parcel.id ?? null}
            onViewChange={setView}
            onPick={pick}
            endInset={narrow ? 0 : LEGEND_WIDTH}
            coveredBottom={narrow ? SHEET_HEIGHT : 0}
            attribution={t('map.attribution', { name: municipality?.names[format.language] ?? '' })}
          />
        )}
        <div className="map-page__status">
          {features.error && <ApiErrorAlert error={features.error} />}
          {data && data.parcels === null && (
            <Alert variant="white" color="gray" p="xs" data-testid="zoom-in-message">
              <Text size="sm">
                {t('map.zoomInForParcels', { number: format.number(data.parcelsInView) })}
              </Text>
            </Alert>
          )}
          {features.isFetching && <Loader size="sm" color="teal" aria-label={t('common.loading')} />}
        </div>
        {extent.data && <MapLegend features={data} defaultOpen={!narrow} />}
      </div>
    </div>
  );
}
