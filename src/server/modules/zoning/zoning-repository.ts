import { sql } from 'kysely';
import { TtlCache } from '../../cache/ttl-cache.js';
import type { Db, GeoJsonGeometry } from '../../db/schema.js';
import type { BBox, PolygonalGeometry } from '../../gis/types.js';

export interface ZoneInsert {
  zoneCode: string;
  name: string | null;
  geometry: PolygonalGeometry;
  bbox: BBox;
  properties: Record<string, unknown>;
}

/** Inserts a layer's zones in one statement per batch; returns their ids in order. */
export async function insertZones(trx: Db, municipalityId: string, layerId: string, zones: ZoneInsert[]) {
  const ids: string[] = [];
  for (let start = 0; start < zones.length; start += 1000) {
    const batch = zones.slice(start, start + 1000);
    const rows = await trx
      .insertInto('zones')
      .values(
        batch.map((zone) => ({
          municipality_id: municipalityId,
          layer_id: layerId,
          zone_code: zone.zoneCode,
          name: zone.name,
          geometry: JSON.stringify(zone.geometry),
          min_lng: zone.bbox[0],
          min_lat: zone.bbox[1],
          max_lng: zone.bbox[2],
          max_lat: zone.bbox[3],
          properties: JSON.stringify(zone.properties),
        })),
      )
      .returning('id')
      .execute();
    ids.push(...rows.map((row) => row.id));
  }
  return ids;
}

export interface OverlayInsert {
  overlayType: 'street_widening' | 'heritage' | 'protected' | 'flood' | 'fault' | 'other';
  name: string | null;
  geometry: PolygonalGeometry;
  bbox: BBox;
  properties: Record<string, unknown>;
}

export async function insertOverlays(
  trx: Db,
  municipalityId: string,
  layerId: string,
  overlays: OverlayInsert[],
) {
  if (overlays.length === 0) return [];
  const rows = await trx
    .insertInto('overlays')
    .values(
      overlays.map((overlay) => ({
        municipality_id: municipalityId,
        layer_id: layerId,
        overlay_type: overlay.overlayType,
        name: overlay.name,
        geometry: JSON.stringify(overlay.geometry),
        min_lng: overlay.bbox[0],
        min_lat: overlay.bbox[1],
        max_lng: overlay.bbox[2],
        max_lat: overlay.bbox[3],
        properties: JSON.stringify(overlay.properties),
      })),
    )
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/** A page of a municipality's parcels (keyset by id), with just what classification needs. */
export function listParcelGeometries(db: Db, municipalityId: string, afterId: string | null, limit: number) {
  let query = db
    .selectFrom('parcels')
    .select(['id', 'geometry'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('id')
    .limit(limit);
  if (afterId) query = query.where('id', '>', afterId);
  return query.execute() as Promise<{ id: string; geometry: GeoJsonGeometry }[]>;
}

export async function insertParcelZones(
  trx: Db,
  municipalityId: string,
  layerId: string,
  rows: { parcelId: string; zoneId: string; zoneCode: string; share: number }[],
) {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO parcel_zones (municipality_id, parcel_id, layer_id, zone_id, zone_code, share)
    SELECT ${municipalityId}::uuid, parcel_id, ${layerId}::uuid, zone_id, zone_code, share
    FROM unnest(${rows.map((r) => r.parcelId)}::uuid[], ${rows.map((r) => r.zoneId)}::uuid[],
      ${rows.map((r) => r.zoneCode)}::text[], ${rows.map((r) => r.share.toFixed(4))}::numeric[])
      AS t (parcel_id, zone_id, zone_code, share)
    ON CONFLICT (parcel_id, layer_id) DO UPDATE
      SET zone_id = excluded.zone_id, zone_code = excluded.zone_code, share = excluded.share`.execute(trx);
}

export async function insertParcelOverlays(
  trx: Db,
  municipalityId: string,
  layerId: string,
  rows: { parcelId: string; overlayId: string; areaM2: number; share: number }[],
) {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO parcel_overlays (municipality_id, parcel_id, layer_id, overlay_id, area_m2, share)
    SELECT ${municipalityId}::uuid, parcel_id, ${layerId}::uuid, overlay_id, area_m2, share
    FROM unnest(${rows.map((r) => r.parcelId)}::uuid[], ${rows.map((r) => r.overlayId)}::uuid[],
      ${rows.map((r) => r.areaM2.toFixed(2))}::numeric[], ${rows.map((r) => r.share.toFixed(4))}::numeric[])
      AS t (parcel_id, overlay_id, area_m2, share)
    ON CONFLICT (parcel_id, overlay_id) DO UPDATE SET area_m2 = excluded.area_m2, share = excluded.share`.execute(
    trx,
  );
}

const ruleSets = new TtlCache<Awaited<ReturnType<typeof queryRuleSetInForce>>>(30_000);
const tariffs = new TtlCache<Awaited<ReturnType<typeof queryTariffInForce>>>(30_000);

/** The rule set in force on a date (the newest effective on or before it); cached 30 s, tables change rarely. */
export function findRuleSetInForce(db: Db, municipalityId: string, date: string) {
  return ruleSets.get(`${municipalityId}:${date}`, () => queryRuleSetInForce(db, municipalityId, date));
}

/** The permit tariff in force on a date; cached like the rule sets. */
export function findTariffInForce(db: Db, municipalityId: string, date: string) {
  return tariffs.get(`${municipalityId}:${date}`, () => queryTariffInForce(db, municipalityId, date));
}

const ruleTableListeners: (() => void)[] = [];

/** Calls `listener` whenever the cached rule tables are forgotten (what was derived from them must go too). */
export function onRuleTablesForgotten(listener: () => void): void {
  ruleTableListeners.push(listener);
}

/** Forgets cached rule tables and tariffs (after an import in this process), and what was derived from them. */
export function forgetRuleTables(): void {
  ruleSets.clear();
  tariffs.clear();
  for (const listener of ruleTableListeners) listener();
}

function queryRuleSetInForce(db: Db, municipalityId: string, date: string) {
  return db
    .selectFrom('zoning_rule_sets')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('effective_from', '<=', date)
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst();
}

function queryTariffInForce(db: Db, municipalityId: string, date: string) {
  return db
    .selectFrom('permit_fee_tariffs')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('effective_from', '<=', date)
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertRuleSet(
  trx: Db,
  municipalityId: string,
  ruleSet: { effectiveFrom: string; resolutionNo: string },
) {
  forgetRuleTables();
  await trx
    .insertInto('zoning_rule_sets')
    .values({
      municipality_id: municipalityId,
      effective_from: ruleSet.effectiveFrom,
      resolution_no: ruleSet.resolutionNo,
      rules: JSON.stringify(ruleSet),
    })
    .execute();
}

export async function insertTariff(
  trx: Db,
  municipalityId: string,
  tariff: { effectiveFrom: string; resolutionNo: string },
) {
  forgetRuleTables();
  await trx
    .insertInto('permit_fee_tariffs')
    .values({
      municipality_id: municipalityId,
      effective_from: tariff.effectiveFrom,
      resolution_no: tariff.resolutionNo,
      tariff: JSON.stringify(tariff),
    })
    .execute();
}

/** Forgets what a layer said about these parcels, before classifying them again (a re-imported parcel moved). */
export async function clearParcelClassification(
  trx: Db,
  table: 'parcel_zones' | 'parcel_overlays',
  layerId: string,
  parcelIds: readonly string[],
) {
  if (parcelIds.length === 0) return;
  await trx
    .deleteFrom(table)
    .where('layer_id', '=', layerId)
    .where('parcel_id', 'in', [...parcelIds])
    .execute();
}

export async function countParcels(db: Db, municipalityId: string): Promise<number> {
  const row = await db
    .selectFrom('parcels')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The area a municipality's map covers: its zones and its parcels' centroids. */
export async function findExtent(db: Db, municipalityId: string): Promise<BBox | null> {
  const { rows } = await sql<{ min_lng: number | null; min_lat: number; max_lng: number; max_lat: number }>`
    SELECT min(min_lng) AS min_lng, min(min_lat) AS min_lat, max(max_lng) AS max_lng, max(max_lat) AS max_lat FROM (
      SELECT min(centroid_lng) AS min_lng, min(centroid_lat) AS min_lat, max(centroid_lng) AS max_lng, max(centroid_lat) AS max_lat
        FROM parcels WHERE municipality_id = ${municipalityId}
      UNION ALL
      SELECT min(min_lng), min(min_lat), max(max_lng), max(max_lat) FROM zones
        WHERE layer_id = (SELECT id FROM gis_layers WHERE municipality_id = ${municipalityId} AND kind = 'zones'
                          ORDER BY version DESC LIMIT 1)
    ) AS boxes`.execute(db);
  const row = rows[0];
  return row && row.min_lng !== null ? [row.min_lng, row.min_lat, row.max_lng, row.max_lat] : null;
}
