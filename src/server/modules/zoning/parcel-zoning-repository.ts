import type { Db } from '../../db/schema.js';

const PUBLIC_PARCEL_COLUMNS = [
  'parcels.id',
  'parcels.renewal_code',
  'parcels.registration_section',
  'parcels.main_plate',
  'parcels.sub_plates',
  'parcels.unit_no',
  'parcels.address',
  'parcels.land_area_m2',
  'parcels.street_width_m',
  'parcels.land_use',
  'parcels.centroid_lng',
  'parcels.centroid_lat',
  'parcels.district_id',
  'districts.number as district_number',
] as const;

/** A parcel's public facts (never its owners), by id or by renewal code. */
export function findPublicParcel(db: Db, municipalityId: string, ref: { id?: string; renewalCode?: string }) {
  let query = db
    .selectFrom('parcels')
    .innerJoin('districts', 'districts.id', 'parcels.district_id')
    .select(PUBLIC_PARCEL_COLUMNS)
    .where('parcels.municipality_id', '=', municipalityId);
  if (ref.id) query = query.where('parcels.id', '=', ref.id);
  else query = query.where('parcels.renewal_code', '=', ref.renewalCode ?? '');
  return query.executeTakeFirst();
}

export type PublicParcelRow = NonNullable<Awaited<ReturnType<typeof findPublicParcel>>>;

export function searchPublicParcels(
  db: Db,
  municipalityId: string,
  search: {
    renewalCode?: string;
    postalCode?: string;
    registrationSection?: number;
    mainPlate?: number;
    subPlate?: number;
  },
  limit: number,
) {
  let query = db
    .selectFrom('parcels')
    .innerJoin('districts', 'districts.id', 'parcels.district_id')
    .select(PUBLIC_PARCEL_COLUMNS)
    .where('parcels.municipality_id', '=', municipalityId);
  if (search.renewalCode) query = query.where('parcels.renewal_code', '=', search.renewalCode);
  if (search.postalCode) query = query.where('parcels.postal_code', '=', search.postalCode);
  if (search.registrationSection)
    query = query.where('parcels.registration_section', '=', search.registrationSection);
  if (search.mainPlate) query = query.where('parcels.main_plate', '=', search.mainPlate);
  if (search.subPlate !== undefined) {
    query = query.where((eb) => eb(eb.val(search.subPlate), '=', eb.fn.any('parcels.sub_plates')));
  }
  return query.orderBy('parcels.renewal_code').limit(limit).execute();
}

/** The zone a layer gave the parcel. */
export function findParcelZone(db: Db, parcelId: string, layerId: string) {
  return db
    .selectFrom('parcel_zones')
    .innerJoin('zones', 'zones.id', 'parcel_zones.zone_id')
    .select(['parcel_zones.zone_code', 'parcel_zones.share', 'zones.name'])
    .where('parcel_zones.parcel_id', '=', parcelId)
    .where('parcel_zones.layer_id', '=', layerId)
    .executeTakeFirst();
}

export function listParcelOverlayHits(db: Db, parcelId: string, layerId: string) {
  return db
    .selectFrom('parcel_overlays')
    .innerJoin('overlays', 'overlays.id', 'parcel_overlays.overlay_id')
    .select(['overlays.overlay_type', 'overlays.name', 'parcel_overlays.area_m2', 'parcel_overlays.share'])
    .where('parcel_overlays.parcel_id', '=', parcelId)
    .where('parcel_overlays.layer_id', '=', layerId)
    .orderBy('parcel_overlays.share', 'desc')
    .orderBy('parcel_overlays.overlay_id')
    .execute();
}

/** Geometry and zone code of parcels by id, for a map view. */
export function listParcelShapes(db: Db, municipalityId: string, ids: string[], zonesLayerId: string | null) {
  return db
    .selectFrom('parcels')
    .leftJoin('parcel_zones', (join) =>
      join
        .onRef('parcel_zones.parcel_id', '=', 'parcels.id')
        .on('parcel_zones.layer_id', '=', zonesLayerId ?? '00000000-0000-0000-0000-000000000000'),
    )
    .select([
      'parcels.id',
      'parcels.renewal_code',
      'parcels.land_use',
      'parcels.geometry',
      'parcel_zones.zone_code',
    ])
    .where('parcels.municipality_id', '=', municipalityId)
    .where('parcels.id', 'in', ids)
    .execute();
}
