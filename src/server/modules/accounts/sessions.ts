import type { AppDeps } from '../../app-deps.js';
import type { Db } from '../../db/schema.js';
import type { SessionPrincipal, StaffRole } from '../../http/principal.js';
import { findLiveSession, insertSession, touchSession } from './session-repository.js';
import { randomToken, sha256Hex } from './tokens.js';

const TOUCH_AFTER_MS = 5 * 60_000;

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Opens a server-side session for a user; only the token's hash is stored. */
export async function createSession(
  db: Db,
  deps: Pick<AppDeps, 'config' | 'clock'>,
  input: { municipalityId: string; userId: string; ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const at = deps.clock.now();
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(at.getTime() + deps.config.auth.sessionTtlHours * 3_600_000);
  await insertSession(db, { ...input, tokenHash: sha256Hex(token), csrfToken, expiresAt, at });
  return { token, csrfToken, expiresAt };
}

/** The principal behind a session cookie, or null when the session is unknown, expired or revoked. */
export async function principalFromSession(
  db: Db,
  clock: AppDeps['clock'],
  token: string,
): Promise<SessionPrincipal | null> {
  const now = clock.now();
  const row = await findLiveSession(db, sha256Hex(token), now);
  if (!row) return null;
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_AFTER_MS)
    await touchSession(db, row.session_id, now);
  const base = {
    municipalityId: row.municipality_id,
    userId: row.user_id,
    sessionId: row.session_id,
    csrfToken: row.csrf_token,
    fullName: row.full_name,
  };
  switch (row.kind) {
    case 'citizen':
      return { ...base, kind: 'citizen', nationalId: row.national_id ?? '', mobile: row.mobile ?? '' };
    case 'staff':
      return { ...base, kind: 'staff', roles: row.roles as StaffRole[], districtId: row.district_id };
    case 'office_operator':
      if (!row.office_id || !row.office_kind || !row.office_active) return null;
      return { ...base, kind: 'office', officeId: row.office_id, officeKind: row.office_kind };
  }
}
