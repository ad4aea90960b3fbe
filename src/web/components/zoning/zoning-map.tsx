import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  FeatureCollection,
  MapExtent,
  MapFeatures,
  MapView,
  OverlayProperties,
  ParcelProperties,
  ZoneProperties,
} from '../../api/zoning.js';
import { hatchPatternId, overlayStyleOf, PARCEL_STROKE, SELECTED_STROKE, zoneColour } from './map-styles.js';

const MOVE_DEBOUNCE_MS = 250;
const MIN_ZOOM = 10;
const MAX_ZOOM = 20;
/** Where a found parcel is shown: close enough for the parcel outlines of a block. */
export const FOCUS_ZOOM = 18;
// ~1 m: views that differ by less share one request.
const BBOX_DECIMALS = 5;
const FIT_PADDING = 24;
// Quarter steps let the whole city fill the box; the +/- buttons and the wheel still step whole levels.
const ZOOM_SNAP = 0.25;

/** Padding for fitting the city, wider on the inline-end side where the legend stands (left in Persian). */
function fitPadding(endInset: number): L.FitBoundsOptions {
  const end = FIT_PADDING + endInset;
  const rtl = document.documentElement.dir === 'rtl';
  return {
    paddingTopLeft: [rtl ? end : FIT_PADDING, FIT_PADDING],
    paddingBottomRight: [rtl ? FIT_PADDING : end, FIT_PADDING],
  };
}

export interface LatLng {
  lat: number;
  lng: number;
}

interface ZoningMapProps {
  extent: MapExtent;
  features: MapFeatures | undefined;
  /** Centre the map here (once per distinct `key`), zooming in to parcels when further out. */
  focus: (LatLng & { key: string }) | null;
  /** The picked point or parcel centroid, marked on the map. */
  marker: LatLng | null;
  selectedParcelId: string | null;
  onViewChange: (view: MapView) => void;
  onPick: (point: LatLng) => void;
  attribution: string;
  /** Width kept free on the inline-end side (the legend) when the whole city is shown. */
  endInset: number;
  /** Share of the window's height the details panel covers at the bottom (a phone's bottom sheet), else 0. */
  coveredBottom: number;
}

interface Layers {
  zones: L.GeoJSON;
  parcels: L.GeoJSON;
  overlays: L.GeoJSON;
  selected: L.GeoJSON;
  marker: L.CircleMarker | null;
}

function viewOf(map: L.Map): MapView {
  const bounds = map.getBounds();
  const round = (value: number) => Number(value.toFixed(BBOX_DECIMALS));
  return {
    bbox: [
      round(bounds.getWest()),
      round(bounds.getSouth()),
      round(bounds.getEast()),
      round(bounds.getNorth()),
    ],
    zoom: Math.max(0, Math.min(22, Math.round(map.getZoom()))),
  };
}

function geoJson(features: FeatureCollection<unknown> | null): GeoJSON.FeatureCollection {
  return (features ?? { type: 'FeatureCollection', features: [] }) as GeoJSON.FeatureCollection;
}

/** GeoJSON options pass on to each polygon, so a layer can name its pane and renderer (not in the types). */
function vectorLayer(options: L.GeoJSONOptions & { renderer: L.Renderer }): L.GeoJSON {
  return L.geoJSON(undefined, options);
}

function createPane(map: L.Map, name: string, zIndex: number): string {
  map.createPane(name).style.zIndex = String(zIndex);
  return name;
}

/**
 * The zoning map: zones coloured by family, overlays hatched, parcel outlines at high zoom. Only our vector layers
 * are drawn, on a plain background: no tiles, nothing fetched from outside the municipality's network.
 */
export function ZoningMap(props: ZoningMapProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<L.Map | null>(null);
  const layers = useRef<Layers | null>(null);
  const callbacks = useRef(props);
  /** Tells the map the view was chosen (a focus): resizes stop fitting the whole city. */
  const touchedRef = useRef<() => void>(() => {});
  callbacks.current = props;

  // The map itself, created once; the extent is only its first view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the map is created once; later extents do not move it
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const created = L.map(element, {
      // Added below with titles in the UI language.
      zoomControl: false,
      attributionControl: true,
      preferCanvas: true,
      zoomSnap: ZOOM_SNAP,
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      boxZoom: true,
    });
    created.attributionControl.setPrefix(false);
    const [west, south, east, north] = props.extent.bbox;
    const fitCity = () =>
      created.fitBounds(
        [
          [south, west],
          [north, east],
        ],
        fitPadding(callbacks.current.endInset),
      );
    fitCity();
    // Panes keep the stacking order whatever order the layers are filled in: zones, parcels, overlays, selection.
    const zonesPane = createPane(created, 'sv-zones', 380);
    const parcelsPane = createPane(created, 'sv-parcels', 390);
    const overlaysPane = createPane(created, 'sv-overlays', 400);
    const selectedPane = createPane(created, 'sv-selected', 410);
    layers.current = {
      zones: vectorLayer({
        pane: zonesPane,
        renderer: L.canvas({ pane: zonesPane }),
        interactive: false,
        style: (feature) => ({
          color: '#868e96',
          weight: 1,
          fillColor: zoneColour((feature?.properties as ZoneProperties | undefined)?.code ?? ''),
          fillOpacity: 0.6,
        }),
      }).addTo(created),
      parcels: vectorLayer({
        pane: parcelsPane,
        renderer: L.canvas({ pane: parcelsPane }),
        interactive: false,
        style: { color: PARCEL_STROKE, weight: 0.7, opacity: 0.8, fill: false },
      }).addTo(created),
      // SVG, so that the overlays can be filled with the hatching patterns of <MapPatterns />.
      overlays: vectorLayer({
        pane: overlaysPane,
        renderer: L.svg({ pane: overlaysPane }),
        interactive: false,
        style: (feature) => {
          const type = (feature?.properties as OverlayProperties | undefined)?.type ?? 'other';
          const style = overlayStyleOf(type);
          return {
            color: style.colour,
            weight: 2,
            dashArray: style.dash,
            fillColor: `url(#${hatchPatternId(type)})`,
            fillOpacity: 1,
          };
        },
      }).addTo(created),
      selected: vectorLayer({
        pane: selectedPane,
        renderer: L.svg({ pane: selectedPane }),
        interactive: false,
        style: { color: SELECTED_STROKE, weight: 3.5, fillColor: SELECTED_STROKE, fillOpacity: 0.18 },
      }).addTo(created),
      marker: null,
    };

    let timer: number | undefined;
    const reportView = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => callbacks.current.onViewChange(viewOf(created)), MOVE_DEBOUNCE_MS);
    };
    created.on('moveend', reportView);
    created.on('click', (event: L.LeafletMouseEvent) =>
      callbacks.current.onPick({ lat: event.latlng.lat, lng: event.latlng.lng }),
    );
    callbacks.current.onViewChange(viewOf(created));
    // The layout settles after the map is created, and the panel beside it opens and closes: Leaflet must
    // re-measure its box. Until the visitor moves the map, it keeps showing the whole city.
    let touched = false;
    const touch = () => {
      touched = true;
    };
    const touchEvents = ['pointerdown', 'wheel', 'keydown', 'touchstart'];
    for (const type of touchEvents) element.addEventListener(type, touch, { passive: true });
    const resize = new ResizeObserver(() => {
      created.invalidateSize();
      if (!touched) fitCity();
    });
    resize.observe(element);
    touchedRef.current = touch;
    setMap(created);
    return () => {
      window.clearTimeout(timer);
      resize.disconnect();
      for (const type of touchEvents) element.removeEventListener(type, touch);
      created.remove();
      layers.current = null;
      setMap(null);
    };
  }, []);

  const { features, selectedParcelId, marker, focus, attribution } = props;

  useEffect(() => {
    const current = layers.current;
    if (!map || !current || !features) return;
    current.zones.clearLayers().addData(geoJson(features.zones));
    current.overlays.clearLayers().addData(geoJson(features.overlays));
    current.parcels.clearLayers().addData(geoJson(features.parcels));
  }, [map, features]);

  useEffect(() => {
    const current = layers.current;
    if (!map || !current) return;
    current.selected.clearLayers();
    const selected = features?.parcels?.features.filter(
      (feature) => (feature.properties as ParcelProperties).id === selectedParcelId,
    );
    if (selectedParcelId && selected?.length) {
      current.selected.addData(geoJson({ type: 'FeatureCollection', features: selected }));
    }
  }, [map, features, selectedParcelId]);

  useEffect(() => {
    const current = layers.current;
    if (!map || !current) return;
    current.marker?.remove();
    current.marker = marker
      ? L.circleMarker([marker.lat, marker.lng], {
          pane: 'sv-selected',
          radius: 7,
          color: '#ffffff',
          weight: 2,
          fillColor: SELECTED_STROKE,
          fillOpacity: 1,
          interactive: false,
        }).addTo(map)
      : null;
  }, [map, marker]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a focus moves the map once, when its key changes
  useEffect(() => {
    if (!map || !focus) return;
    touchedRef.current();
    map.setView([focus.lat, focus.lng], Math.max(map.getZoom(), FOCUS_ZOOM), { animate: false });
    // On a phone the panel rises over the bottom of the map: show the parcel in the part left visible.
    const box = map.getContainer().getBoundingClientRect();
    const visibleBottom = Math.min(box.bottom, window.innerHeight * (1 - callbacks.current.coveredBottom));
    const offset = (box.bottom - Math.max(visibleBottom, box.top)) / 2;
    if (offset > 0) map.panBy([0, offset], { animate: false });
  }, [map, focus?.key]);

  const zoomInTitle = t('map.zoomIn');
  const zoomOutTitle = t('map.zoomOut');
  useEffect(() => {
    if (!map) return;
    const control = L.control.zoom({ position: 'topleft', zoomInTitle, zoomOutTitle }).addTo(map);
    return () => {
      control.remove();
    };
  }, [map, zoomInTitle, zoomOutTitle]);

  useEffect(() => {
    if (!map) return;
    const control = map.attributionControl;
    control.addAttribution(attribution);
    return () => {
      control.removeAttribution(attribution);
    };
  }, [map, attribution]);

  return (
    <div
      ref={container}
      className="zoning-map"
      dir="ltr"
      role="application"
      aria-label={t('map.ariaLabel')}
      data-testid="zoning-map"
    />
  );
}
