import type { AppDeps } from '../../app-deps.js';
import { AppError } from '../../http/errors.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { verifyPassword } from './passwords.js';
import { findOffice, findUserByUsername, recordFailedLogin, recordSuccessfulLogin } from './repository.js';
import { resolveMunicipality } from './resolve-municipality.js';
import { createSession, type NewSession } from './sessions.js';

/**
 * Signs in a staff member or an office operator with username and password. After STAFF_MAX_FAILED_LOGINS
 * wrong passwords in a row the account is locked for STAFF_LOCK_MINUTES; every attempt is audited.
 */
export async function signInWithPassword(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config'>,
  input: {
    municipality?: string;
    username: string;
    password: string;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<NewSession & { userId: string; municipalityId: string }> {
  const { db, clock, config } = deps;
  const municipality = await resolveMunicipality(db, input.municipality, config.defaultMunicipality);
  const user = await findUserByUsername(db, municipality.id, input.username.trim(), [
    'staff',
    'office_operator',
  ]);
  const now = clock.now();
  if (user?.locked_until && user.locked_until > now) {
    const lockedUntil = user.locked_until.toISOString();
    throw new AppError('account_locked', { lockedUntil }, { lockedUntil });
  }
  const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user) throw new AppError('invalid_credentials');

  const actor: Actor = {
    municipalityId: municipality.id,
    kind: user.kind === 'office_operator' ? 'office' : 'user',
    userId: user.id,
    officeId: user.office_id,
    apiClientId: null,
    ip: input.ip,
  };
  if (!passwordOk) {
    const lockUntil = new Date(now.getTime() + config.auth.staffLockMinutes * 60_000);
    const after = await db.transaction().execute(async (trx) => {
      const result = await recordFailedLogin(trx, user.id, config.auth.staffMaxFailures, lockUntil);
      const locked = result.locked_until !== null && result.locked_until > now;
      await recordAudit(
        trx,
        actor,
        {
          action: locked ? 'auth.locked_out' : 'auth.sign_in_failed',
          entityType: 'user',
          entityId: user.id,
        },
        now,
      );
      return { locked, lockedUntil: result.locked_until };
    });
    if (after.locked && after.lockedUntil) {
      const lockedUntil = after.lockedUntil.toISOString();
      throw new AppError('account_locked', { lockedUntil }, { lockedUntil });
    }
    throw new AppError('invalid_credentials');
  }
  if (!user.is_active) throw new AppError('account_disabled');
  if (user.office_id) {
    const office = await findOffice(db, municipality.id, user.office_id);
    if (!office?.is_active) throw new AppError('account_disabled');
  }
  return db.transaction().execute(async (trx) => {
    await recordSuccessfulLogin(trx, user.id, now);
    const session = await createSession(trx, deps, {
      municipalityId: municipality.id,
      userId: user.id,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    await recordAudit(
      trx,
      actor,
      { action: 'auth.signed_in', entityType: 'user', entityId: user.id, details: { method: 'password' } },
      now,
    );
    return { ...session, userId: user.id, municipalityId: municipality.id };
  });
}
