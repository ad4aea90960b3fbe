import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';
import type { OwnerRow, OwnershipRow, ParcelRow } from './rows.js';

// Bulk inserts as one `INSERT ... SELECT FROM unnest(typed arrays)` per table: a handful of parameters however
// many rows, so a statement's size does not grow with the column count and both PGlite and PostgreSQL take it.

/** Inserts owners of one municipality. */
export async function insertOwners(
  trx: Db,
  municipalityId: string,
  owners: readonly OwnerRow[],
): Promise<void> {
  if (owners.length === 0) return;
  await sql`
    INSERT INTO owners (id, municipality_id, kind, national_id, name, mobile)
    SELECT id, ${municipalityId}::uuid, kind, national_id, name, mobile
    FROM unnest(
      ${owners.map((o) => o.id)}::uuid[], ${owners.map((o) => o.kind)}::text[],
      ${owners.map((o) => o.national_id)}::text[], ${owners.map((o) => o.name)}::text[],
      ${owners.map((o) => o.mobile)}::text[]
    ) AS t (id, kind, national_id, name, mobile)`.execute(trx);
}

/** Inserts parcels of one municipality; each has exactly one sub-plate, which unnest cannot pass as an array. */
export async function insertParcels(
  trx: Db,
  municipalityId: string,
  parcels: readonly ParcelRow[],
): Promise<void> {
  if (parcels.length === 0) return;
  const column = <T>(pick: (parcel: ParcelRow) => T): T[] => parcels.map(pick);
  await sql`
    INSERT INTO parcels (id, municipality_id, district_id, renewal_code, registration_section, main_plate,
      sub_plates, postal_code, address, land_area_m2, built_area_m2, land_use, geometry, centroid_lng, centroid_lat, street_width_m)
    SELECT id, ${municipalityId}::uuid, district_id, renewal_code, registration_section, main_plate,
      ARRAY[sub_plate], postal_code, address, land_area_m2, built_area_m2, land_use, geometry::jsonb,
      centroid_lng, centroid_lat, street_width_m
    FROM unnest(
      ${column((p) => p.id)}::uuid[], ${column((p) => p.district_id)}::uuid[],
      ${column((p) => p.renewal_code)}::text[], ${column((p) => p.registration_section)}::int[],
      ${column((p) => p.main_plate)}::int[], ${column((p) => p.sub_plates[0])}::int[],
      ${column((p) => p.postal_code)}::text[], ${column((p) => p.address)}::text[],
      ${column((p) => p.land_area_m2)}::numeric[], ${column((p) => p.built_area_m2)}::numeric[],
      ${column((p) => p.land_use)}::text[], ${column((p) => JSON.stringify(p.geometry))}::text[],
      ${column((p) => p.centroid_lng)}::float8[], ${column((p) => p.centroid_lat)}::float8[],
      ${column((p) => p.street_width_m)}::numeric[]
    ) AS t (id, district_id, renewal_code, registration_section, main_plate, sub_plate, postal_code, address,
      land_area_m2, built_area_m2, land_use, geometry, centroid_lng, centroid_lat, street_width_m)`.execute(
    trx,
  );
}

/** Inserts ownership shares of one municipality. */
export async function insertOwnerships(
  trx: Db,
  municipalityId: string,
  ownerships: readonly OwnershipRow[],
): Promise<void> {
  if (ownerships.length === 0) return;
  await sql`
    INSERT INTO ownerships (id, municipality_id, parcel_id, owner_id, share_num, share_den, since)
    SELECT id, ${municipalityId}::uuid, parcel_id, owner_id, share_num, share_den, since
    FROM unnest(
      ${ownerships.map((o) => o.id)}::uuid[], ${ownerships.map((o) => o.parcel_id)}::uuid[],
      ${ownerships.map((o) => o.owner_id)}::uuid[], ${ownerships.map((o) => o.share_num)}::int[],
      ${ownerships.map((o) => o.share_den)}::int[], ${ownerships.map((o) => o.since)}::date[]
    ) AS t (id, parcel_id, owner_id, share_num, share_den, since)`.execute(trx);
}
