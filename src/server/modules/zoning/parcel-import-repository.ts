import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';
import type { PolygonalGeometry } from '../../gis/types.js';
import type { ParcelAttributes } from './parcel-fields.js';

export interface ParcelUpsert extends ParcelAttributes {
  districtId: string;
  geometry: PolygonalGeometry;
  landAreaM2: number;
  lng: number;
  lat: number;
}

/**
 * Inserts or updates parcels by renewal code (a newer survey of the same parcel replaces its geometry and
 * registry fields; owners are kept). Returns the ids in input order, and which of them existed before.
 */
export async function upsertParcels(
  trx: Db,
  municipalityId: string,
  parcels: ParcelUpsert[],
): Promise<{ ids: string[]; updated: string[] }> {
  if (parcels.length === 0) return { ids: [], updated: [] };
  const col = <T>(pick: (p: ParcelUpsert) => T) => parcels.map(pick);
  const result = await sql<{ id: string; renewal_code: string; inserted: boolean }>`
    INSERT INTO parcels (municipality_id, district_id, renewal_code, registration_section, main_plate, sub_plates,
      postal_code, address, land_area_m2, built_area_m2, land_use, geometry, centroid_lng, centroid_lat, street_width_m)
    SELECT ${municipalityId}::uuid, district_id, renewal_code, registration_section, main_plate,
      CASE WHEN sub_plates = '' THEN '{}'::int[] ELSE string_to_array(sub_plates, ',')::int[] END,
      postal_code, address, land_area_m2, built_area_m2, land_use, geometry::jsonb, lng, lat, street_width_m
    FROM unnest(
      ${col((p) => p.districtId)}::uuid[], ${col((p) => p.renewalCode)}::text[],
      ${col((p) => p.registrationSection)}::int[], ${col((p) => p.mainPlate)}::int[],
      ${col((p) => p.subPlates.join(','))}::text[], ${col((p) => p.postalCode)}::text[],
      ${col((p) => p.address)}::text[], ${col((p) => p.landAreaM2.toFixed(2))}::numeric[],
      ${col((p) => p.builtAreaM2.toFixed(2))}::numeric[], ${col((p) => p.landUse)}::text[],
      ${col((p) => JSON.stringify(p.geometry))}::text[], ${col((p) => p.lng)}::float8[], ${col((p) => p.lat)}::float8[],
      ${col((p) => (p.streetWidthM === null ? null : p.streetWidthM.toFixed(2)))}::numeric[]
    ) AS t (district_id, renewal_code, registration_section, main_plate, sub_plates, postal_code, address,
      land_area_m2, built_area_m2, land_use, geometry, lng, lat, street_width_m)
    ON CONFLICT (municipality_id, renewal_code) DO UPDATE SET
      district_id = excluded.district_id, registration_section = excluded.registration_section,
      main_plate = excluded.main_plate, sub_plates = excluded.sub_plates, postal_code = excluded.postal_code,
      address = excluded.address, land_area_m2 = excluded.land_area_m2, built_area_m2 = excluded.built_area_m2,
      land_use = excluded.land_use, geometry = excluded.geometry, centroid_lng = excluded.centroid_lng,
      centroid_lat = excluded.centroid_lat, street_width_m = excluded.street_width_m, updated_at = now()
    RETURNING id, renewal_code, (xmax = 0) AS inserted`.execute(trx);
  // xmax is 0 on a row this statement inserted, and set on one it updated (ON CONFLICT DO UPDATE).
  const byCode = new Map(result.rows.map((row) => [row.renewal_code, row.id]));
  return {
    ids: parcels.map((p) => byCode.get(p.renewalCode) as string),
    updated: result.rows.filter((row) => !row.inserted).map((row) => row.id),
  };
}

export function listDistricts(db: Db, municipalityId: string) {
  return db
    .selectFrom('districts')
    .select(['id', 'number', 'boundary'])
    .where('municipality_id', '=', municipalityId)
    .execute();
}
