import type { Db } from '../../db/schema.js';

function districtsWithCounts(db: Db, municipalityId: string) {
  return db
    .selectFrom('districts')
    .select([
      'districts.id',
      'districts.number',
      'districts.name_fa',
      'districts.name_en',
      'districts.name_vi',
    ])
    .select(['districts.created_at', 'districts.updated_at'])
    .select((eb) => [
      eb
        .selectFrom('parcels')
        .select(eb.fn.countAll<string>().as('n'))
        .where('parcels.municipality_id', '=', municipalityId)
        .whereRef('parcels.district_id', '=', 'districts.id')
        .as('parcel_count'),
      eb
        .selectFrom('users')
        .select(eb.fn.countAll<string>().as('n'))
        .where('users.municipality_id', '=', municipalityId)
        .where('users.kind', '=', 'staff')
        .whereRef('users.district_id', '=', 'districts.id')
        .as('staff_count'),
    ])
    .where('districts.municipality_id', '=', municipalityId);
}

export function listDistricts(db: Db, municipalityId: string) {
  return districtsWithCounts(db, municipalityId).orderBy('districts.number').execute();
}

export function findDistrict(db: Db, municipalityId: string, districtId: string) {
  return districtsWithCounts(db, municipalityId).where('districts.id', '=', districtId).executeTakeFirst();
}

export async function districtNumberTaken(db: Db, municipalityId: string, number: number): Promise<boolean> {
  const row = await db
    .selectFrom('districts')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('number', '=', number)
    .executeTakeFirst();
  return row !== undefined;
}

export function insertDistrict(
  db: Db,
  district: {
    municipality_id: string;
    number: number;
    name_fa: string;
    name_en: string;
    name_vi: string;
    created_at: Date;
  },
) {
  return db
    .insertInto('districts')
    .values({ ...district, updated_at: district.created_at })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateDistrictNames(
  db: Db,
  municipalityId: string,
  districtId: string,
  changes: { name_fa?: string; name_en?: string; name_vi?: string },
  at: Date,
) {
  await db
    .updateTable('districts')
    .set({ ...changes, updated_at: at })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', districtId)
    .execute();
}

export async function districtExists(db: Db, municipalityId: string, districtId: string): Promise<boolean> {
  const row = await db
    .selectFrom('districts')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', districtId)
    .executeTakeFirst();
  return row !== undefined;
}
