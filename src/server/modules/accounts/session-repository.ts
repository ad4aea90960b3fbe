import type { Db } from '../../db/schema.js';

export async function insertSession(
  db: Db,
  session: {
    municipalityId: string;
    userId: string;
    tokenHash: string;
    csrfToken: string;
    ip: string | null;
    userAgent: string | null;
    expiresAt: Date;
    at: Date;
  },
) {
  return db
    .insertInto('sessions')
    .values({
      municipality_id: session.municipalityId,
      user_id: session.userId,
      token_hash: session.tokenHash,
      csrf_token: session.csrfToken,
      ip: session.ip,
      user_agent: session.userAgent,
      expires_at: session.expiresAt,
      created_at: session.at,
      last_seen_at: session.at,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

/** The live session for a token hash, with the user (and office) it belongs to. */
export function findLiveSession(db: Db, tokenHash: string, now: Date) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('offices', 'offices.id', 'users.office_id')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'users.id as user_id',
      'users.municipality_id',
      'users.kind',
      'users.full_name',
      'users.national_id',
      'users.mobile',
      'users.roles',
      'users.district_id',
      'users.office_id',
      'offices.kind as office_kind',
      'offices.is_active as office_active',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .where('users.is_active', '=', true)
    .executeTakeFirst();
}

export async function touchSession(db: Db, sessionId: string, at: Date) {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', sessionId).execute();
}

export async function revokeSession(db: Db, sessionId: string, at: Date) {
  await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function revokeUserSessions(
  db: Db,
  municipalityId: string,
  userId: string,
  at: Date,
): Promise<number> {
  const rows = await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('municipality_id', '=', municipalityId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length;
}
