import { sql } from 'kysely';
import type { Db, UserKind } from '../../db/schema.js';

/** Every user column an administrator may see: never the password hash. */
const USER_COLUMNS = [
  'id',
  'kind',
  'username',
  'full_name',
  'roles',
  'district_id',
  'office_id',
  'is_active',
  'failed_logins',
  'locked_until',
  'last_login_at',
  'created_at',
] as const;

export interface StaffSearch {
  municipalityId: string;
  districtId?: string;
  role?: string;
  q?: string;
  limit: number;
  offset: number;
}

/** Staff users (not office operators), filtered by district, role or a fragment of username or name. */
export function listStaff(db: Db, search: StaffSearch) {
  let query = db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('municipality_id', '=', search.municipalityId)
    .where('kind', '=', 'staff');
  if (search.districtId) query = query.where('district_id', '=', search.districtId);
  if (search.role) query = query.where(sql<boolean>`roles @> ARRAY[${search.role}]::text[]`);
  if (search.q) {
    const pattern = `%${search.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('username', 'ilike', pattern), eb('full_name', 'ilike', pattern)]));
  }
  return query.orderBy('username').limit(search.limit).offset(search.offset).execute();
}

/** A user of this municipality of the given kind, or undefined. */
export function findUser(db: Db, municipalityId: string, userId: string, kind: UserKind) {
  return db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', userId)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

/** Whether any user of the municipality already has this username (usernames are unique regardless of case). */
export async function usernameTaken(db: Db, municipalityId: string, username: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .executeTakeFirst();
  return row !== undefined;
}

export function insertPasswordUser(
  db: Db,
  user: {
    municipality_id: string;
    kind: 'staff' | 'office_operator';
    username: string;
    password_hash: string;
    full_name: string;
    roles: string[];
    district_id: string | null;
    office_id: string | null;
    created_at: Date;
  },
) {
  return db
    .insertInto('users')
    .values({ ...user, updated_at: user.created_at })
    .returning(USER_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function updateUser(
  db: Db,
  municipalityId: string,
  userId: string,
  changes: {
    full_name?: string;
    roles?: string[];
    district_id?: string | null;
    is_active?: boolean;
    password_hash?: string;
    failed_logins?: number;
    locked_until?: Date | null;
  },
  at: Date,
) {
  await db
    .updateTable('users')
    .set({ ...changes, updated_at: at })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', userId)
    .execute();
}

export function listOfficeOperators(db: Db, municipalityId: string, officeId: string) {
  return db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', 'office_operator')
    .where('office_id', '=', officeId)
    .orderBy('username')
    .execute();
}
