import { sql } from 'kysely';
import { TtlCache } from '../../cache/ttl-cache.js';
import type { Db, GeoJsonGeometry } from '../../db/schema.js';

export type LayerKind = 'zones' | 'overlays' | 'parcels';

export interface NewLayer {
  municipalityId: string;
  kind: LayerKind;
  name: string;
  sourceFile: string | null;
  sourceCrs: string;
  featureCount: number;
  importedBy: string | null;
  at: Date;
}

/** Adds the next version of a layer; the (municipality, kind) row lock orders two concurrent imports. */
export async function insertLayerVersion(trx: Db, layer: NewLayer) {
  currentLayers.clear();
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`${layer.municipalityId}:${layer.kind}`}))`.execute(trx);
  const latest = await trx
    .selectFrom('gis_layers')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('municipality_id', '=', layer.municipalityId)
    .where('kind', '=', layer.kind)
    .executeTakeFirst();
  return trx
    .insertInto('gis_layers')
    .values({
      municipality_id: layer.municipalityId,
      kind: layer.kind,
      version: Number(latest?.version ?? 0) + 1,
      name: layer.name,
      source_file: layer.sourceFile,
      source_crs: layer.sourceCrs,
      feature_count: layer.featureCount,
      imported_by: layer.importedBy,
      imported_at: layer.at,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

const currentLayers = new TtlCache<Awaited<ReturnType<typeof queryCurrentLayer>>>(5_000);

/** The newest layer of a kind, or undefined before the first import; cached 5 s, as the spatial indexes are. */
export function findCurrentLayer(db: Db, municipalityId: string, kind: LayerKind) {
  return currentLayers.get(`${municipalityId}:${kind}`, () => queryCurrentLayer(db, municipalityId, kind));
}

function queryCurrentLayer(db: Db, municipalityId: string, kind: LayerKind) {
  return db
    .selectFrom('gis_layers')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', kind)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** A fingerprint of a municipality's layers, to notice another process's import cheaply. */
export async function layerFingerprint(db: Db, municipalityId: string): Promise<string> {
  const row = await db
    .selectFrom('gis_layers')
    .select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.max('imported_at').as('latest')])
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  return `${row.count}:${row.latest ? new Date(row.latest as unknown as string).toISOString() : ''}`;
}

export interface ZoneRow {
  id: string;
  zone_code: string;
  name: string | null;
  geometry: GeoJsonGeometry;
}

export function listLayerZones(db: Db, layerId: string): Promise<ZoneRow[]> {
  return db
    .selectFrom('zones')
    .select(['id', 'zone_code', 'name', 'geometry'])
    .where('layer_id', '=', layerId)
    .execute();
}

export interface OverlayRow {
  id: string;
  overlay_type: string;
  name: string | null;
  geometry: GeoJsonGeometry;
  properties: Record<string, unknown>;
}

export function listLayerOverlays(db: Db, layerId: string): Promise<OverlayRow[]> {
  return db
    .selectFrom('overlays')
    .select(['id', 'overlay_type', 'name', 'geometry', 'properties'])
    .where('layer_id', '=', layerId)
    .execute() as Promise<OverlayRow[]>;
}
