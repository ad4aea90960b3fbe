import type { Db } from '../../db/schema.js';

export function findMunicipality(db: Db, municipalityId: string) {
  return db
    .selectFrom('municipalities')
    .select(['id', 'code', 'name_fa', 'name_en', 'name_vi', 'timezone'])
    .where('id', '=', municipalityId)
    .executeTakeFirst();
}

/** How many districts, staff, offices, API clients, parcels and registered citizens the municipality has. */
export async function countMunicipalityRecords(db: Db, municipalityId: string) {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('districts')
        .select(eb.fn.countAll<string>().as('n'))
        .where('municipality_id', '=', municipalityId)
        .as('districts'),
      eb
        .selectFrom('users')
        .select(eb.fn.countAll<string>().as('n'))
        .where('municipality_id', '=', municipalityId)
        .where('kind', '=', 'staff')
        .as('staff'),
      eb
        .selectFrom('offices')
        .select(eb.fn.countAll<string>().as('n'))
        .where('municipality_id', '=', municipalityId)
        .as('offices'),
      eb
        .selectFrom('api_clients')
        .select(eb.fn.countAll<string>().as('n'))
        .where('municipality_id', '=', municipalityId)
        .as('api_clients'),
      eb
        .selectFrom('parcels')
        .select(eb.fn.countAll<string>().as('n'))
        .where('municipality_id', '=', municipalityId)
        .as('parcels'),
      eb
        .selectFrom('users')
        .select(eb.fn.countAll<string>().as('n'))
        .where('municipality_id', '=', municipalityId)
        .where('kind', '=', 'citizen')
        .as('citizens'),
    ])
    .executeTakeFirstOrThrow();
  return {
    districts: Number(row.districts),
    staff: Number(row.staff),
    offices: Number(row.offices),
    apiClients: Number(row.api_clients),
    parcels: Number(row.parcels),
    citizens: Number(row.citizens),
  };
}

export async function updateMunicipality(
  db: Db,
  municipalityId: string,
  changes: { name_fa?: string; name_en?: string; name_vi?: string; timezone?: string },
  at: Date,
) {
  await db
    .updateTable('municipalities')
    .set({ ...changes, updated_at: at })
    .where('id', '=', municipalityId)
    .execute();
}
