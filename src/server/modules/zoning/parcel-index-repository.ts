import type { Db, GeoJsonGeometry } from '../../db/schema.js';

const NO_LAYER = '00000000-0000-0000-0000-000000000000';

/**
 * A page of a municipality's parcels (keyset by id) with everything a point lookup shows: geometry, public
 * registry facts, district number and the zone the given zones layer gave each one.
 */
export function listParcelIndexPage(
  db: Db,
  municipalityId: string,
  zonesLayerId: string | null,
  afterId: string | null,
  limit: number,
) {
  let query = db
    .selectFrom('parcels')
    .innerJoin('districts', 'districts.id', 'parcels.district_id')
    .leftJoin('parcel_zones', (join) => {
      const on = join
        .onRef('parcel_zones.parcel_id', '=', 'parcels.id')
        .on('parcel_zones.layer_id', '=', zonesLayerId ?? NO_LAYER);
      // Redundant for the result, but it lets PostgreSQL start its scan of parcel_zones at this page (a merge
      // join otherwise reads every earlier row again on each page).
      return afterId ? on.on('parcel_zones.parcel_id', '>', afterId) : on;
    })
    .select([
      'parcels.id',
      'parcels.geometry',
      'parcels.renewal_code',
      'parcels.registration_section',
      'parcels.main_plate',
      'parcels.sub_plates',
      'parcels.unit_no',
      'parcels.land_area_m2',
      'parcels.street_width_m',
      'parcels.land_use',
      'parcels.centroid_lng',
      'parcels.centroid_lat',
      'districts.number as district_number',
      'parcel_zones.zone_id',
      'parcel_zones.share as zone_share',
    ])
    .where('parcels.municipality_id', '=', municipalityId)
    .orderBy('parcels.id')
    .limit(limit);
  if (afterId) query = query.where('parcels.id', '>', afterId);
  return query.execute() as Promise<
    (Omit<Awaited<ReturnType<typeof query.execute>>[number], 'geometry'> & { geometry: GeoJsonGeometry })[]
  >;
}

/**
 * Every overlay hit of one overlays layer, in the order a parcel's overlays are listed (largest share first). Few
 * parcels touch an overlay, so the whole layer's hits are read at once.
 */
export function listLayerOverlayHits(db: Db, layerId: string) {
  return db
    .selectFrom('parcel_overlays')
    .select(['parcel_id', 'overlay_id', 'area_m2', 'share'])
    .where('layer_id', '=', layerId)
    .orderBy('parcel_id')
    .orderBy('share', 'desc')
    .orderBy('overlay_id')
    .execute();
}
