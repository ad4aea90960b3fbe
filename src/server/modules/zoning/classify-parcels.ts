import type { Db } from '../../db/schema.js';
import { bbox } from '../../gis/measure.js';
import { overlap } from '../../gis/overlap.js';
import { pointInPolygon } from '../../gis/point-in-polygon.js';
import { PolygonIndex } from '../../gis/spatial-index.js';
import type { PolygonalGeometry } from '../../gis/types.js';
import { polygonsOf } from '../../gis/types.js';
import {
  clearParcelClassification,
  insertParcelOverlays,
  insertParcelZones,
  listParcelGeometries,
} from './zoning-repository.js';

export interface ZoneEntry {
  id: string;
  code: string;
  name: string | null;
  geometry: PolygonalGeometry;
}

export interface OverlayEntry {
  id: string;
  type: string;
  name: string | null;
  geometry: PolygonalGeometry;
}

/** Smaller overlaps are survey noise along shared edges, not a real hit. */
const MIN_OVERLAY_AREA_M2 = 0.5;
const PAGE = 2_000;

function allVerticesWithin(parcel: PolygonalGeometry, zone: PolygonalGeometry): boolean {
  for (const rings of polygonsOf(parcel)) {
    for (const position of rings[0]) if (pointInPolygon(position, zone) === 'outside') return false;
  }
  return true;
}

/**
 * The zone of a parcel: the zone holding most of its area. A parcel with one candidate zone that contains all
 * its vertices is wholly in it; otherwise the shares are measured by polygon intersection.
 */
export function zoneOfParcel(parcel: PolygonalGeometry, zones: PolygonIndex<ZoneEntry>) {
  const candidates = zones.bboxQuery(bbox(parcel));
  if (candidates.length === 0) return null;
  if (candidates.length === 1 && allVerticesWithin(parcel, candidates[0].geometry)) {
    return { zone: candidates[0], share: 1 };
  }
  let best: { zone: ZoneEntry; share: number } | null = null;
  for (const zone of candidates) {
    const { share } = overlap(parcel, zone.geometry);
    if (share > 0 && (!best || share > best.share)) best = { zone, share };
  }
  return best;
}

/** The overlays touching a parcel with the area and share of the parcel each takes. */
export function overlaysOfParcel(parcel: PolygonalGeometry, overlays: PolygonIndex<OverlayEntry>) {
  const hits: { overlay: OverlayEntry; areaM2: number; share: number }[] = [];
  for (const overlay of overlays.bboxQuery(bbox(parcel))) {
    const { area, share } = overlap(parcel, overlay.geometry);
    if (area >= MIN_OVERLAY_AREA_M2) hits.push({ overlay, areaM2: area, share });
  }
  return hits;
}

export interface Classification {
  zones?: { layerId: string; index: PolygonIndex<ZoneEntry> };
  overlays?: { layerId: string; index: PolygonIndex<OverlayEntry> };
}

/**
 * Classifies a batch of parcels already in hand and stores the results. `replacing`: the parcels that may already
 * have rows under these layers (re-imported ones whose geometry changed): their old rows are removed first. New
 * parcels, and every parcel under a layer version just created, have none, so nothing is deleted for them.
 */
export async function classifyParcelBatch(
  trx: Db,
  municipalityId: string,
  parcels: { id: string; geometry: PolygonalGeometry }[],
  classification: Classification,
  replacing: readonly string[] = [],
) {
  const { zones, overlays } = classification;
  if (zones) {
    const rows = [];
    for (const parcel of parcels) {
      const found = zoneOfParcel(parcel.geometry, zones.index);
      if (found)
        rows.push({
          parcelId: parcel.id,
          zoneId: found.zone.id,
          zoneCode: found.zone.code,
          share: found.share,
        });
    }
    await clearParcelClassification(trx, 'parcel_zones', zones.layerId, replacing);
    await insertParcelZones(trx, municipalityId, zones.layerId, rows);
  }
  if (overlays) {
    const rows = [];
    for (const parcel of parcels) {
      for (const hit of overlaysOfParcel(parcel.geometry, overlays.index)) {
        rows.push({ parcelId: parcel.id, overlayId: hit.overlay.id, areaM2: hit.areaM2, share: hit.share });
      }
    }
    await clearParcelClassification(trx, 'parcel_overlays', overlays.layerId, replacing);
    await insertParcelOverlays(trx, municipalityId, overlays.layerId, rows);
  }
}

/**
 * Walks every parcel of the municipality (in pages, so memory stays bounded) and classifies it under a layer
 * version just created (so no parcel has rows under it yet).
 */
export async function classifyAllParcels(
  trx: Db,
  municipalityId: string,
  classification: Classification,
  onProgress?: (done: number) => void,
): Promise<number> {
  let afterId: string | null = null;
  let done = 0;
  for (;;) {
    const page = await listParcelGeometries(trx, municipalityId, afterId, PAGE);
    if (page.length === 0) return done;
    await classifyParcelBatch(
      trx,
      municipalityId,
      page.map((row) => ({ id: row.id, geometry: row.geometry as PolygonalGeometry })),
      classification,
    );
    done += page.length;
    afterId = page[page.length - 1].id;
    onProgress?.(done);
  }
}

export function buildZoneIndex(zones: ZoneEntry[]): PolygonIndex<ZoneEntry> {
  return PolygonIndex.from(zones.map((zone) => ({ id: zone.id, geometry: zone.geometry, data: zone })));
}

export function buildOverlayIndex(overlays: OverlayEntry[]): PolygonIndex<OverlayEntry> {
  return PolygonIndex.from(
    overlays.map((overlay) => ({ id: overlay.id, geometry: overlay.geometry, data: overlay })),
  );
}
