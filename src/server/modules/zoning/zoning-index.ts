import type { Db } from '../../db/schema.js';
import { type PolygonIndex, PolygonIndexBuilder } from '../../gis/spatial-index.js';
import type { BBox, PolygonalGeometry } from '../../gis/types.js';
import { buildOverlayIndex, buildZoneIndex, type OverlayEntry, type ZoneEntry } from './classify-parcels.js';
import { findCurrentLayer, layerFingerprint, listLayerOverlays, listLayerZones } from './layer-repository.js';
import { type OverlayShare, type ParcelFacts, ParcelFactsBuilder } from './parcel-facts.js';
import { listLayerOverlayHits, listParcelIndexPage } from './parcel-index-repository.js';
import { countParcels, findExtent } from './zoning-repository.js';

/** Everything a point lookup or a map view needs for one municipality, in memory. */
export interface MunicipalityIndexes {
  zonesLayer: { id: string; version: number } | null;
  zones: PolygonIndex<ZoneEntry>;
  /** The zones in index order: `zoneList[p]` is the zone at position p (what ParcelFacts.zone() points to). */
  zoneList: ZoneEntry[];
  overlaysLayer: { id: string; version: number } | null;
  overlays: PolygonIndex<OverlayEntry>;
  overlayList: OverlayEntry[];
  /** Parcel geometries; queries return positions, the rows of `facts`. */
  parcels: PolygonIndex<number>;
  facts: ParcelFacts;
  extent: BBox | null;
  builtInMs: number;
}

const PAGE = 5_000;

/** Each parcel's overlay hits, by parcel id, with the overlays as index positions. */
async function overlayHitsByParcel(db: Db, layerId: string, positionOf: Map<string, number>) {
  const byParcel = new Map<string, OverlayShare[]>();
  for (const row of await listLayerOverlayHits(db, layerId)) {
    const overlay = positionOf.get(row.overlay_id);
    if (overlay === undefined) continue;
    const hits = byParcel.get(row.parcel_id) ?? [];
    if (hits.length === 0) byParcel.set(row.parcel_id, hits);
    hits.push({ overlay, areaM2: Number(row.area_m2), share: Number(row.share) });
  }
  return byParcel;
}

async function buildIndexes(db: Db, municipalityId: string): Promise<MunicipalityIndexes> {
  const started = performance.now();
  const zonesLayer = await findCurrentLayer(db, municipalityId, 'zones');
  const zoneList: ZoneEntry[] = (zonesLayer ? await listLayerZones(db, zonesLayer.id) : []).map((z) => ({
    id: z.id,
    code: z.zone_code,
    name: z.name,
    geometry: z.geometry as PolygonalGeometry,
  }));
  const overlaysLayer = await findCurrentLayer(db, municipalityId, 'overlays');
  const overlayList: OverlayEntry[] = (
    overlaysLayer ? await listLayerOverlays(db, overlaysLayer.id) : []
  ).map((o) => ({ id: o.id, type: o.overlay_type, name: o.name, geometry: o.geometry as PolygonalGeometry }));
  const zonePosition = new Map(zoneList.map((zone, i) => [zone.id, i]));
  const hitsOf = overlaysLayer
    ? await overlayHitsByParcel(db, overlaysLayer.id, new Map(overlayList.map((o, i) => [o.id, i])))
    : new Map<string, OverlayShare[]>();

  const expected = await countParcels(db, municipalityId);
  const geometries = new PolygonIndexBuilder<number>({ items: expected, positional: true });
  const facts = new ParcelFactsBuilder(expected);
  const pageAfter = (afterId: string | null) => {
    const page = listParcelIndexPage(db, municipalityId, zonesLayer?.id ?? null, afterId, PAGE);
    page.catch(() => undefined); // awaited below; not an unhandled rejection if the build fails first
    return page;
  };
  // The next page is asked for before this one is indexed, so PostgreSQL reads it meanwhile.
  let next = pageAfter(null);
  for (;;) {
    const page = await next;
    if (page.length === 0) break;
    next = pageAfter(page[page.length - 1].id);
    for (const row of page) {
      geometries.addGeometry(row.geometry as PolygonalGeometry);
      const zone = row.zone_id === null ? undefined : zonePosition.get(row.zone_id);
      facts.add({
        parcel: {
          id: row.id,
          renewalCode: row.renewal_code,
          plate: {
            registrationSection: row.registration_section,
            mainPlate: row.main_plate,
            subPlates: row.sub_plates,
            unitNo: row.unit_no,
          },
          districtNumber: row.district_number,
          landAreaM2: Number(row.land_area_m2),
          streetWidthM: row.street_width_m === null ? null : Number(row.street_width_m),
          landUse: row.land_use,
          centroid: { lng: row.centroid_lng, lat: row.centroid_lat },
        },
        zone: zone === undefined ? null : { zone, share: Number(row.zone_share) },
        overlays: hitsOf.get(row.id) ?? [],
      });
    }
  }
  const extent = await findExtent(db, municipalityId);
  return {
    zonesLayer: zonesLayer ? { id: zonesLayer.id, version: zonesLayer.version } : null,
    zones: buildZoneIndex(zoneList),
    zoneList,
    overlaysLayer: overlaysLayer ? { id: overlaysLayer.id, version: overlaysLayer.version } : null,
    overlays: buildOverlayIndex(overlayList),
    overlayList,
    parcels: geometries.finish(),
    facts: facts.finish(),
    extent,
    builtInMs: performance.now() - started,
  };
}

interface Entry {
  current: Promise<MunicipalityIndexes>;
  fingerprint: string;
  checkedAt: number;
  checking: Promise<void> | null;
}

/**
 * The in-process spatial indexes and parcel facts, one set per municipality, built on first use (or at start)
 * and rebuilt when any layer changes: every `recheckMs` (5 s) a cheap query compares the layers' fingerprint, so an
 * import made by another process (parcels, zones or overlays: each adds a layer version) is seen within
 * seconds. Concurrent callers share one build and one check, and never wait for either once a first build is
 * done: the old indexes answer until the new ones are ready.
 */
export class ZoningIndexRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly recheckMs: number;

  constructor(
    private readonly db: Db,
    options: { recheckMs?: number } = {},
  ) {
    this.recheckMs = options.recheckMs ?? 5_000;
  }

  get(municipalityId: string): Promise<MunicipalityIndexes> {
    const entry = this.entries.get(municipalityId) ?? this.start(municipalityId);
    if (Date.now() - entry.checkedAt >= this.recheckMs)
      entry.checking ??= this.recheck(municipalityId, entry);
    return entry.current;
  }

  /** Checks the layers now (rebuilding when they changed) and resolves to the indexes that are then current. */
  async refresh(municipalityId: string): Promise<MunicipalityIndexes> {
    const entry = this.entries.get(municipalityId);
    if (!entry) return this.get(municipalityId);
    // A check already under way may have read the fingerprint before the change the caller has in mind.
    if (entry.checking) await entry.checking;
    entry.checking ??= this.recheck(municipalityId, entry);
    await entry.checking;
    return entry.current;
  }

  private start(municipalityId: string): Entry {
    const entry = { fingerprint: '', checkedAt: Date.now(), checking: null } as Omit<
      Entry,
      'current'
    > as Entry;
    // The fingerprint is read before the layers, so an import landing during the build is seen by the next check.
    entry.current = layerFingerprint(this.db, municipalityId).then((fingerprint) => {
      entry.fingerprint = fingerprint;
      return buildIndexes(this.db, municipalityId);
    });
    entry.current.catch(() => {
      if (this.entries.get(municipalityId) === entry) this.entries.delete(municipalityId);
    });
    this.entries.set(municipalityId, entry);
    return entry;
  }

  private async recheck(municipalityId: string, entry: Entry): Promise<void> {
    try {
      await entry.current;
      const fingerprint = await layerFingerprint(this.db, municipalityId);
      if (fingerprint !== entry.fingerprint) {
        const next = await buildIndexes(this.db, municipalityId);
        entry.current = Promise.resolve(next);
        entry.fingerprint = fingerprint;
      }
    } catch {
      // Keep answering from the indexes in hand; the next check retries.
    } finally {
      entry.checkedAt = Date.now();
      entry.checking = null;
    }
  }

  /** Forget a municipality's indexes (after an import in this process), so the next lookup rebuilds them. */
  invalidate(municipalityId: string): void {
    this.entries.delete(municipalityId);
  }
}
