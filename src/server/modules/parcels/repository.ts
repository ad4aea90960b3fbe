import type { Db } from '../../db/schema.js';

const PARCEL_COLUMNS = [
  'parcels.id',
  'parcels.municipality_id',
  'parcels.district_id',
  'parcels.renewal_code',
  'parcels.registration_section',
  'parcels.main_plate',
  'parcels.sub_plates',
  'parcels.unit_no',
  'parcels.postal_code',
  'parcels.address',
  'parcels.land_area_m2',
  'parcels.built_area_m2',
  'parcels.land_use',
  'parcels.centroid_lng',
  'parcels.centroid_lat',
  'parcels.street_width_m',
  'parcels.updated_at',
] as const;

/** Parcels that the person with this national ID owns a share of, in one municipality. */
export function listParcelsOwnedBy(db: Db, municipalityId: string, nationalId: string) {
  return db
    .selectFrom('parcels')
    .innerJoin('ownerships', 'ownerships.parcel_id', 'parcels.id')
    .innerJoin('owners', 'owners.id', 'ownerships.owner_id')
    .innerJoin('districts', 'districts.id', 'parcels.district_id')
    .select([
      ...PARCEL_COLUMNS,
      'ownerships.share_num',
      'ownerships.share_den',
      'ownerships.since',
      'districts.number as district_number',
    ])
    .where('parcels.municipality_id', '=', municipalityId)
    .where('owners.municipality_id', '=', municipalityId)
    .where('owners.national_id', '=', nationalId)
    .orderBy('parcels.renewal_code')
    .execute();
}

export function findParcel(db: Db, municipalityId: string, parcelId: string) {
  return db
    .selectFrom('parcels')
    .innerJoin('districts', 'districts.id', 'parcels.district_id')
    .select([...PARCEL_COLUMNS, 'parcels.geometry', 'districts.number as district_number'])
    .where('parcels.municipality_id', '=', municipalityId)
    .where('parcels.id', '=', parcelId)
    .executeTakeFirst();
}

export function listParcelOwners(db: Db, municipalityId: string, parcelId: string) {
  return db
    .selectFrom('ownerships')
    .innerJoin('owners', 'owners.id', 'ownerships.owner_id')
    .select([
      'owners.id',
      'owners.kind',
      'owners.name',
      'owners.national_id',
      'ownerships.share_num',
      'ownerships.share_den',
    ])
    .where('ownerships.municipality_id', '=', municipalityId)
    .where('ownerships.parcel_id', '=', parcelId)
    .orderBy('owners.name')
    .execute();
}

export async function isParcelOwnedBy(db: Db, municipalityId: string, parcelId: string, nationalId: string) {
  const row = await db
    .selectFrom('ownerships')
    .innerJoin('owners', 'owners.id', 'ownerships.owner_id')
    .select('ownerships.id')
    .where('ownerships.municipality_id', '=', municipalityId)
    .where('ownerships.parcel_id', '=', parcelId)
    .where('owners.national_id', '=', nationalId)
    .executeTakeFirst();
  return row !== undefined;
}

export interface ParcelSearch {
  municipalityId: string;
  districtId: string | null;
  renewalCode?: string;
  postalCode?: string;
  registrationSection?: number;
  mainPlate?: number;
  limit: number;
  offset: number;
}

export function searchParcels(db: Db, search: ParcelSearch) {
  let query = db
    .selectFrom('parcels')
    .innerJoin('districts', 'districts.id', 'parcels.district_id')
    .select([...PARCEL_COLUMNS, 'districts.number as district_number'])
    .where('parcels.municipality_id', '=', search.municipalityId);
  if (search.districtId) query = query.where('parcels.district_id', '=', search.districtId);
  if (search.renewalCode) query = query.where('parcels.renewal_code', '=', search.renewalCode);
  if (search.postalCode) query = query.where('parcels.postal_code', '=', search.postalCode);
  if (search.registrationSection)
    query = query.where('parcels.registration_section', '=', search.registrationSection);
  if (search.mainPlate) query = query.where('parcels.main_plate', '=', search.mainPlate);
  return query.orderBy('parcels.renewal_code').limit(search.limit).offset(search.offset).execute();
}

export async function updateParcelDetails(
  db: Db,
  municipalityId: string,
  parcelId: string,
  changes: { postal_code?: string | null; address?: string | null },
  at: Date,
) {
  return db
    .updateTable('parcels')
    .set({ ...changes, updated_at: at })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', parcelId)
    .returning(['id'])
    .executeTakeFirst();
}
