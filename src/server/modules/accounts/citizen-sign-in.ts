import { toPersianDigits } from '../../../shared/digits.js';
import { normalizeMobile, normalizeNationalId } from '../../../shared/identifiers/index.js';
import type { AppDeps } from '../../app-deps.js';
import { AppError, invalidField } from '../../http/errors.js';
import type { Locale } from '../../i18n/messages.js';
import { translate } from '../../i18n/messages.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { SmsDeliveryError } from '../notifications/sms/sms-sender.js';
import {
  consumeChallenge,
  countFailedAttempt,
  countRecentChallenges,
  insertChallenge,
  lockChallenge,
} from './otp-repository.js';
import {
  findCitizenByNationalId,
  findOwnerByNationalId,
  insertUser,
  recordSuccessfulLogin,
} from './repository.js';
import { resolveMunicipality } from './resolve-municipality.js';
import { createSession, type NewSession } from './sessions.js';
import { numericCode, randomToken, safeEqual, sha256Hex } from './tokens.js';

const MAX_CODES_PER_HOUR = 6;

type Deps = AppDeps & { sms: { send(m: { to: string; text: string }): Promise<unknown> } };

function codeHash(challengeSalt: string, code: string): string {
  return sha256Hex(`${challengeSalt}:${code}`);
}

/**
 * Sends a one-time sign-in code to a citizen's mobile. The national ID must carry a valid check digit, and when
 * the municipality already knows this person (as a citizen or as an owner), the mobile must be the registered one.
 */
export async function requestCitizenOtp(
  deps: Deps,
  input: { municipality?: string; nationalId: string; mobile: string; ip: string | null; locale: Locale },
) {
  const nationalId = normalizeNationalId(input.nationalId);
  if (!nationalId) throw invalidField('nationalId', 'national_id');
  const mobile = normalizeMobile(input.mobile);
  if (!mobile) throw invalidField('mobile', 'mobile');
  const { db, clock, config } = deps;
  const municipality = await resolveMunicipality(db, input.municipality, config.defaultMunicipality);

  const known =
    (await findCitizenByNationalId(db, municipality.id, nationalId)) ??
    (await findOwnerByNationalId(db, municipality.id, nationalId));
  if (known?.mobile && known.mobile !== mobile) throw new AppError('identity_mismatch');

  const now = clock.now();
  const recent = await countRecentChallenges(
    db,
    municipality.id,
    mobile,
    new Date(now.getTime() - 3_600_000),
  );
  const latest = recent.latest ? new Date(recent.latest as unknown as string | Date) : null;
  const waitMs = latest ? latest.getTime() + config.auth.otpResendSeconds * 1000 - now.getTime() : 0;
  if (waitMs > 0) {
    const retryAfterSeconds = Math.ceil(waitMs / 1000);
    throw new AppError('otp_too_soon', { retryAfterSeconds }, { retryAfterSeconds });
  }
  if (Number(recent.count) >= MAX_CODES_PER_HOUR) {
    throw new AppError('rate_limited', { retryAfterSeconds: 3600 }, { retryAfterSeconds: 3600 });
  }

  const code = numericCode(6);
  const salt = randomToken(12);
  const expiresAt = new Date(now.getTime() + config.auth.otpTtlSeconds * 1000);
  const challenge = await insertChallenge(db, {
    municipalityId: municipality.id,
    nationalId,
    mobile,
    codeHash: `${salt}$${codeHash(salt, code)}`,
    ip: input.ip,
    at: now,
    expiresAt,
  });
  const minutes = Math.max(1, Math.round(config.auth.otpTtlSeconds / 60));
  try {
    const shownMinutes = input.locale === 'fa' ? toPersianDigits(String(minutes)) : minutes;
    await deps.sms.send({
      to: mobile,
      text: translate(input.locale, 'sms.otp', { code, minutes: shownMinutes }),
    });
  } catch (err) {
    if (err instanceof SmsDeliveryError) {
      await consumeChallenge(db, challenge.id, now);
      throw new AppError('sms_failed');
    }
    throw err;
  }
  return { challengeId: challenge.id, expiresAt, resendAfterSeconds: config.auth.otpResendSeconds };
}

/** Checks the code; on success opens a session, creating the citizen's account on first sign-in. */
export async function verifyCitizenOtp(
  deps: Deps,
  input: { challengeId: string; code: string; ip: string | null; userAgent: string | null },
): Promise<NewSession & { userId: string; municipalityId: string }> {
  const { db, clock, config } = deps;
  const outcome = await db.transaction().execute(async (trx) => {
    const challenge = await lockChallenge(trx, input.challengeId);
    const now = clock.now();
    if (challenge?.purpose !== 'sign_in' || challenge.consumed_at || challenge.expires_at <= now)
      return { error: 'otp_expired' as const };
    if (challenge.attempts >= config.auth.otpMaxAttempts) return { error: 'otp_too_many_attempts' as const };
    const [salt, hash] = challenge.code_hash.split('$');
    if (!safeEqual(codeHash(salt, input.code.trim()), hash)) {
      await countFailedAttempt(trx, challenge.id);
      const attemptsLeft = config.auth.otpMaxAttempts - challenge.attempts - 1;
      return {
        error: attemptsLeft > 0 ? ('otp_invalid' as const) : ('otp_too_many_attempts' as const),
        attemptsLeft,
      };
    }
    await consumeChallenge(trx, challenge.id, now);

    let user = await findCitizenByNationalId(trx, challenge.municipality_id, challenge.national_id);
    if (!user) {
      const owner = await findOwnerByNationalId(trx, challenge.municipality_id, challenge.national_id);
      user = await insertUser(trx, {
        municipality_id: challenge.municipality_id,
        kind: 'citizen',
        national_id: challenge.national_id,
        mobile: challenge.mobile,
        full_name: owner?.name ?? '',
      });
    }
    if (!user.is_active) return { error: 'account_disabled' as const };
    await recordSuccessfulLogin(trx, user.id, now);
    const session = await createSession(trx, deps, {
      municipalityId: user.municipality_id,
      userId: user.id,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    const actor: Actor = {
      municipalityId: user.municipality_id,
      kind: 'user',
      userId: user.id,
      officeId: null,
      apiClientId: null,
      ip: input.ip,
    };
    await recordAudit(
      trx,
      actor,
      { action: 'auth.signed_in', entityType: 'user', entityId: user.id, details: { method: 'otp' } },
      now,
    );
    return { session: { ...session, userId: user.id, municipalityId: user.municipality_id } };
  });
  if ('error' in outcome && outcome.error) {
    throw new AppError(
      outcome.error,
      'attemptsLeft' in outcome ? { attemptsLeft: outcome.attemptsLeft } : {},
    );
  }
  return (outcome as { session: NewSession & { userId: string; municipalityId: string } }).session;
}
