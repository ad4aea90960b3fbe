import type { Db, OfficeKind } from '../../db/schema.js';

function officesWithCounts(db: Db, municipalityId: string) {
  return db
    .selectFrom('offices')
    .select([
      'offices.id',
      'offices.kind',
      'offices.name',
      'offices.license_no',
      'offices.district_id',
      'offices.is_active',
      'offices.created_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('users')
        .select(eb.fn.countAll<string>().as('n'))
        .where('users.municipality_id', '=', municipalityId)
        .where('users.kind', '=', 'office_operator')
        .whereRef('users.office_id', '=', 'offices.id')
        .as('operator_count'),
    )
    .where('offices.municipality_id', '=', municipalityId);
}

export function listOffices(db: Db, municipalityId: string) {
  return officesWithCounts(db, municipalityId).orderBy('offices.name').orderBy('offices.id').execute();
}

export function findOffice(db: Db, municipalityId: string, officeId: string) {
  return officesWithCounts(db, municipalityId).where('offices.id', '=', officeId).executeTakeFirst();
}

export async function licenseNoTaken(db: Db, municipalityId: string, licenseNo: string): Promise<boolean> {
  const row = await db
    .selectFrom('offices')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('license_no', '=', licenseNo)
    .executeTakeFirst();
  return row !== undefined;
}

export function insertOffice(
  db: Db,
  office: {
    municipality_id: string;
    kind: OfficeKind;
    name: string;
    license_no: string;
    district_id: string | null;
    created_at: Date;
  },
) {
  return db.insertInto('offices').values(office).returning('id').executeTakeFirstOrThrow();
}

export async function updateOffice(
  db: Db,
  municipalityId: string,
  officeId: string,
  changes: { name?: string; is_active?: boolean },
) {
  await db
    .updateTable('offices')
    .set(changes)
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', officeId)
    .execute();
}

/** Ends every live session of the office's operators; returns how many were ended. */
export async function revokeOfficeOperatorSessions(
  db: Db,
  municipalityId: string,
  officeId: string,
  at: Date,
): Promise<number> {
  const rows = await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('municipality_id', '=', municipalityId)
    .where('revoked_at', 'is', null)
    .where('user_id', 'in', (eb) =>
      eb
        .selectFrom('users')
        .select('id')
        .where('municipality_id', '=', municipalityId)
        .where('kind', '=', 'office_operator')
        .where('office_id', '=', officeId),
    )
    .returning('id')
    .execute();
  return rows.length;
}
