import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { toLatinDigits } from '../format.js';
import { api } from './client.js';
import type { LAND_USES } from './codes.js';

// The shapes of `src/server/modules/zoning/schema.ts`, as the browser receives them.

export interface PublicParcel {
  id: string;
  renewalCode: string;
  plate: { registrationSection: number; mainPlate: number; subPlates: number[]; unitNo: number | null };
  districtNumber: number;
  address: string | null;
  landAreaM2: number;
  streetWidthM: number | null;
  landUse: string;
  centroid: { lng: number; lat: number };
}

export interface RuleSetRef {
  id: string;
  effectiveFrom: string;
  effectiveFromJalali: string | null;
  resolutionNo: string;
}

export interface ZoningRule {
  id: string;
  zoneCode: string;
  lotRange: string;
  minStreetWidthM: number | null;
  maxDensityPct: number | null;
  maxCoveragePct: number | null;
  maxFloors: number | null;
  maxHeightM: number | null;
  maxUnits: number | null;
  minOpenSpacePerUnitM2: number | null;
  setbacks: string | null;
  allowedUses: string[] | null;
  notes: string[];
}

export interface ParcelLimits {
  maxTotalFloorAreaM2: number | null;
  maxFootprintM2: number | null;
  minOpenSpaceM2: number | null;
  maxFloors: number | null;
  maxUnits: number | null;
}

export interface OverlayHit {
  type: string;
  name: string | null;
  areaM2: number;
  share: number;
  layerVersion: number;
}

export interface FeeLine {
  item: string;
  basisM2: number;
  rateRialsPerM2: number;
  amountRials: number;
  formula: string;
}

export interface FeeEstimate {
  tariff: RuleSetRef;
  totalFloorAreaM2: number;
  totalRials: number;
  lines: FeeLine[];
  notAllowedAreaM2: number;
}

export interface ParcelZoning {
  asOf: string;
  parcel: PublicParcel;
  zone: { code: string; name: string | null; layerVersion: number; share: number } | null;
  ruleSet: RuleSetRef | null;
  rule: ZoningRule | null;
  /** Set when the street is too narrow for the lot's own row, so a smaller lot's row is the rule. */
  streetFallback: { lotRange: string; requiredStreetWidthM: number } | null;
  noRuleReason: string | null;
  conditions: string[];
  limits: ParcelLimits | null;
  overlays: OverlayHit[];
  fees: FeeEstimate | null;
}

/** A fee estimate's numbers, without the formulas in words (the page writes them from the numbers). */
export type FeeEstimateNumbers = Omit<FeeEstimate, 'lines'> & { lines: Omit<FeeLine, 'formula'>[] };

/**
 * A parcel's zoning as a point lookup gives it: the same numbers, without the parcel's address and the
 * explanations in words (conditions, formulas), which the parcel's own zoning has.
 */
export type PointParcelZoning = Omit<ParcelZoning, 'parcel' | 'conditions' | 'fees'> & {
  parcel: Omit<PublicParcel, 'address'>;
  fees: FeeEstimateNumbers | null;
};

export interface PointLookup {
  point: { lat: number; lng: number };
  zone: { code: string; name: string | null; layerVersion: number } | null;
  zoneRules: ZoningRule[];
  overlays: { type: string; name: string | null }[];
  parcel: PointParcelZoning | null;
}

export interface GeoJsonFeature<P> {
  type: 'Feature';
  geometry: { type: string; coordinates: unknown[] };
  properties: P;
}

export interface FeatureCollection<P> {
  type: 'FeatureCollection';
  features: GeoJsonFeature<P>[];
}

export interface ZoneProperties {
  code: string;
  name: string | null;
}

export interface OverlayProperties {
  type: string;
  name: string | null;
}

export interface ParcelProperties {
  id: string;
  renewalCode: string;
  zoneCode: string | null;
  landUse: string;
}

export interface MapFeatures {
  zones: FeatureCollection<ZoneProperties>;
  overlays: FeatureCollection<OverlayProperties>;
  parcels: FeatureCollection<ParcelProperties> | null;
  parcelsInView: number;
  parcelLimit: number;
}

export interface MapExtent {
  bbox: [number, number, number, number];
  center: { lng: number; lat: number };
}

export type ProposalUse = (typeof LAND_USES)[number];

export interface BuildingProposal {
  floors: number;
  floorAreaM2: number;
  units: number;
  use: ProposalUse;
  basementAreaM2?: number;
}

export interface BuildingCheck {
  rule: string;
  passed: boolean;
  actual: number | string | null;
  limit: number | string | null;
  unit: string | null;
  message: string;
}

export interface BuildingCheckResult {
  ok: boolean;
  asOf: string;
  zoneCode: string | null;
  ruleSet: RuleSetRef | null;
  totalFloorAreaM2: number;
  footprintM2: number;
  checks: BuildingCheck[];
  excessDensity: { areaM2: number; pctPoints: number };
  fees: FeeEstimate | null;
}

/** The view a map asks features for: west, south, east, north (rounded so that tiny pans share a cache entry). */
export interface MapView {
  bbox: [number, number, number, number];
  zoom: number;
}

export function useMapExtent() {
  return useQuery({
    queryKey: ['map', 'extent'],
    queryFn: () => api.get<MapExtent>('/api/v1/map/extent'),
    staleTime: 5 * 60_000,
  });
}

/** The zones, overlays and (when few enough) parcels in the view; never the whole layer. */
export function useMapFeatures(view: MapView | null) {
  return useQuery({
    queryKey: ['map', 'features', view?.bbox.join(','), view?.zoom],
    queryFn: ({ signal }) =>
      api.get<MapFeatures>(`/api/v1/map/features?bbox=${view?.bbox.join(',')}&zoom=${view?.zoom}`, signal),
    enabled: view !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

const parcelZoningKey = (idOrRenewalCode: string) => ['zoning', 'parcel', idOrRenewalCode] as const;

/** The zoning of one parcel (by id or renewal code): its rule, limits, overlays and fee estimate. */
export function useParcelZoning(idOrRenewalCode: string | null) {
  return useQuery({
    queryKey: parcelZoningKey(idOrRenewalCode ?? ''),
    queryFn: () =>
      api.get<ParcelZoning>(`/api/v1/parcels/${encodeURIComponent(idOrRenewalCode ?? '')}/zoning`),
    enabled: Boolean(idOrRenewalCode),
  });
}

/**
 * What the rules say at a point of the map: the parcel there (less its address, which the parcel's own zoning
 * gives), or the zone's table when there is none.
 */
export function useZoningLookup(point: { lat: number; lng: number } | null) {
  return useQuery({
    queryKey: ['zoning', 'lookup', point?.lat, point?.lng],
    queryFn: () => api.get<PointLookup>(`/api/v1/zoning/lookup?lat=${point?.lat}&lng=${point?.lng}`),
    enabled: point !== null,
  });
}

export type ParcelSearch =
  | { by: 'renewalCode'; renewalCode: string }
  | { by: 'postalCode'; postalCode: string }
  | { by: 'plate'; registrationSection: string; mainPlate: string; subPlate: string };

/** The query string of a search, with digits typed on a Persian keyboard read as ASCII. */
export function searchQueryOf(search: ParcelSearch): string {
  const clean = (text: string) => toLatinDigits(text).trim();
  const params = new URLSearchParams();
  if (search.by === 'renewalCode') params.set('renewalCode', clean(search.renewalCode));
  else if (search.by === 'postalCode') params.set('postalCode', clean(search.postalCode).replace(/\D/g, ''));
  else {
    params.set('registrationSection', clean(search.registrationSection));
    params.set('mainPlate', clean(search.mainPlate));
    if (clean(search.subPlate)) params.set('subPlate', clean(search.subPlate));
  }
  return params.toString();
}

export function useParcelSearch() {
  return useMutation({
    mutationFn: (search: ParcelSearch) =>
      api.get<{ parcels: PublicParcel[] }>(`/api/v1/zoning/parcels?${searchQueryOf(search)}`),
  });
}

export function useBuildingCheck(parcelId: string) {
  return useMutation({
    mutationFn: (proposal: Record<string, unknown>) =>
      api.post<BuildingCheckResult>(
        `/api/v1/parcels/${encodeURIComponent(parcelId)}/building-check`,
        proposal,
      ),
  });
}
