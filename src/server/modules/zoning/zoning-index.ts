import type { Db } from '../../db/schema.js';
import { type PolygonIndex, PolygonIndexBuilder } from '../../gis/spatial-index.js';
import type { BBox, PolygonalGeometry } from '../../gis/types.js';
import { buildOverlayIndex, buildZoneIndex, type OverlayEntry, type ZoneEntry } from './classify-parcels.js';
import { findCurrentLayer, layerFingerprint, listLayerOverlays, listLayerZones } from './layer-repository.js';
import { countParcels, findExtent, listParcelGeometries } from './zoning-repository.js';

/** Everything a point lookup or a map view needs for one municipality, in memory. */
export interface MunicipalityIndexes {
  zonesLayer: { id: string; version: number } | null;
  zones: PolygonIndex<ZoneEntry>;
  overlaysLayer: { id: string; version: number } | null;
  overlays: PolygonIndex<OverlayEntry>;
  parcels: PolygonIndex<string>;
  extent: BBox | null;
  builtInMs: number;
}

const RECHECK_MS = 5_000;
const PAGE = 5_000;

async function buildIndexes(db: Db, municipalityId: string): Promise<MunicipalityIndexes> {
  const started = performance.now();
  const zonesLayer = await findCurrentLayer(db, municipalityId, 'zones');
  const zoneRows = zonesLayer ? await listLayerZones(db, zonesLayer.id) : [];
  const overlaysLayer = await findCurrentLayer(db, municipalityId, 'overlays');
  const overlayRows = overlaysLayer ? await listLayerOverlays(db, overlaysLayer.id) : [];
  const builder = new PolygonIndexBuilder<string>({ items: await countParcels(db, municipalityId) });
  let afterId: string | null = null;
  for (;;) {
    const page = await listParcelGeometries(db, municipalityId, afterId, PAGE);
    if (page.length === 0) break;
    for (const row of page) {
      builder.add({ id: row.id, geometry: row.geometry as PolygonalGeometry, data: row.id });
    }
    afterId = page[page.length - 1].id;
  }
  const parcels = builder.finish();
  const extent = await findExtent(db, municipalityId);
  return {
    zonesLayer: zonesLayer ? { id: zonesLayer.id, version: zonesLayer.version } : null,
    zones: buildZoneIndex(
      zoneRows.map((z) => ({
        id: z.id,
        code: z.zone_code,
        name: z.name,
        geometry: z.geometry as PolygonalGeometry,
      })),
    ),
    overlaysLayer: overlaysLayer ? { id: overlaysLayer.id, version: overlaysLayer.version } : null,
    overlays: buildOverlayIndex(
      overlayRows.map((o) => ({
        id: o.id,
        type: o.overlay_type,
        name: o.name,
        geometry: o.geometry as PolygonalGeometry,
      })),
    ),
    parcels,
    extent,
    builtInMs: performance.now() - started,
  };
}

interface Entry {
  indexes: Promise<MunicipalityIndexes>;
  fingerprint: string;
  checkedAt: number;
}

/**
 * The in-process spatial indexes, one set per municipality, built on first use (or at start) and rebuilt when
 * any layer changes: every RECHECK_MS a cheap query compares the layers' fingerprint, so an import made by
 * another process is seen within seconds. Concurrent callers share one build.
 */
export class ZoningIndexRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly db: Db) {}

  async get(municipalityId: string): Promise<MunicipalityIndexes> {
    const now = Date.now();
    const entry = this.entries.get(municipalityId);
    if (entry && now - entry.checkedAt < RECHECK_MS) return entry.indexes;
    const fingerprint = await layerFingerprint(this.db, municipalityId);
    if (entry && entry.fingerprint === fingerprint) {
      entry.checkedAt = now;
      return entry.indexes;
    }
    const indexes = buildIndexes(this.db, municipalityId);
    this.entries.set(municipalityId, { indexes, fingerprint, checkedAt: now });
    indexes.catch(() => this.entries.delete(municipalityId));
    return indexes;
  }

  /** Forget a municipality's indexes (after an import in this process), so the next lookup rebuilds them. */
  invalidate(municipalityId: string): void {
    this.entries.delete(municipalityId);
  }
}
