import type { Db } from '../../db/schema.js';

export function countRecentChallenges(db: Db, municipalityId: string, mobile: string, since: Date) {
  return db
    .selectFrom('otp_challenges')
    .select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.max('created_at').as('latest')])
    .where('municipality_id', '=', municipalityId)
    .where('mobile', '=', mobile)
    .where('purpose', '=', 'sign_in')
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
}

export function insertChallenge(
  db: Db,
  challenge: {
    municipalityId: string;
    nationalId: string;
    mobile: string;
    codeHash: string;
    ip: string | null;
    at: Date;
    expiresAt: Date;
    purpose?: 'sign_in' | 'consent';
  },
) {
  return db
    .insertInto('otp_challenges')
    .values({
      municipality_id: challenge.municipalityId,
      national_id: challenge.nationalId,
      mobile: challenge.mobile,
      code_hash: challenge.codeHash,
      ip: challenge.ip,
      created_at: challenge.at,
      expires_at: challenge.expiresAt,
      purpose: challenge.purpose ?? 'sign_in',
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

/** Locks the challenge row so two verifications of one code cannot both succeed. */
export function lockChallenge(db: Db, challengeId: string) {
  return db
    .selectFrom('otp_challenges')
    .selectAll()
    .where('id', '=', challengeId)
    .forUpdate()
    .executeTakeFirst();
}

export async function countFailedAttempt(db: Db, challengeId: string) {
  await db
    .updateTable('otp_challenges')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', challengeId)
    .execute();
}

export async function consumeChallenge(db: Db, challengeId: string, at: Date) {
  await db.updateTable('otp_challenges').set({ consumed_at: at }).where('id', '=', challengeId).execute();
}
