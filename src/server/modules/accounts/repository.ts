import type { Db, NewUser, UserKind } from '../../db/schema.js';

export function findMunicipalityByCode(db: Db, code: string) {
  return db.selectFrom('municipalities').selectAll().where('code', '=', code).executeTakeFirst();
}

export function listMunicipalityIds(db: Db, limit: number) {
  return db.selectFrom('municipalities').select(['id', 'code']).orderBy('created_at').limit(limit).execute();
}

export function findUserByUsername(db: Db, municipalityId: string, username: string, kinds: UserKind[]) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .where('kind', 'in', kinds)
    .executeTakeFirst();
}

export function findCitizenByNationalId(db: Db, municipalityId: string, nationalId: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', 'citizen')
    .where('national_id', '=', nationalId)
    .executeTakeFirst();
}

export function findOwnerByNationalId(db: Db, municipalityId: string, nationalId: string) {
  return db
    .selectFrom('owners')
    .select(['id', 'name', 'mobile', 'kind'])
    .where('municipality_id', '=', municipalityId)
    .where('national_id', '=', nationalId)
    .executeTakeFirst();
}

export async function insertUser(db: Db, user: NewUser) {
  return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
}

export async function recordFailedLogin(db: Db, userId: string, maxFailures: number, lockUntil: Date) {
  return db
    .updateTable('users')
    .set((eb) => ({
      failed_logins: eb
        .case()
        .when('failed_logins', '>=', maxFailures - 1)
        .then(0)
        .else(eb('failed_logins', '+', 1))
        .end(),
      locked_until: eb
        .case()
        .when('failed_logins', '>=', maxFailures - 1)
        .then(lockUntil)
        .else(eb.ref('locked_until'))
        .end(),
    }))
    .where('id', '=', userId)
    .returning(['failed_logins', 'locked_until'])
    .executeTakeFirstOrThrow();
}

export async function recordSuccessfulLogin(db: Db, userId: string, at: Date) {
  await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null, last_login_at: at })
    .where('id', '=', userId)
    .execute();
}

export function findOffice(db: Db, municipalityId: string, officeId: string) {
  return db
    .selectFrom('offices')
    .select(['id', 'kind', 'name', 'is_active'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', officeId)
    .executeTakeFirst();
}
