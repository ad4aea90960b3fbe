import { toLatinDigits } from '../../../shared/digits.js';
import type { Clock } from '../../app-deps.js';
import type { Db } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { translate } from '../../i18n/messages.js';
import {
  consumeChallenge,
  countFailedAttempt,
  insertChallenge,
  lockChallenge,
} from '../accounts/otp-repository.js';
import { numericCode, randomToken, safeEqual, sha256Hex } from '../accounts/tokens.js';

const CONSENT_TTL_MS = 10 * 60_000;
const MAX_ATTEMPTS = 5;
const RESEND_AFTER_MS = 60_000;

/** Sends the citizen a code that proves their consent to an office filing for them; returns the challenge id. */
export async function requestConsentCode(
  db: Db,
  clock: Clock,
  sms: { send(m: { to: string; text: string }): Promise<unknown> },
  input: {
    municipalityId: string;
    nationalId: string;
    mobile: string;
    officeName: string;
    serviceName: string;
  },
) {
  const at = clock.now();
  const recent = await db
    .selectFrom('otp_challenges')
    .select('created_at')
    .where('municipality_id', '=', input.municipalityId)
    .where('mobile', '=', input.mobile)
    .where('purpose', '=', 'consent')
    .where('created_at', '>', new Date(at.getTime() - RESEND_AFTER_MS))
    .executeTakeFirst();
  if (recent) {
    const retryAfterSeconds = Math.ceil(
      (recent.created_at.getTime() + RESEND_AFTER_MS - at.getTime()) / 1000,
    );
    throw new AppError('otp_too_soon', { retryAfterSeconds }, { retryAfterSeconds });
  }
  const code = numericCode(6);
  const salt = randomToken(12);
  const challenge = await insertChallenge(db, {
    municipalityId: input.municipalityId,
    nationalId: input.nationalId,
    mobile: input.mobile,
    codeHash: `${salt}$${sha256Hex(`${salt}:${code}`)}`,
    ip: null,
    at,
    expiresAt: new Date(at.getTime() + CONSENT_TTL_MS),
    purpose: 'consent',
  });
  await sms.send({
    to: input.mobile,
    text: translate('fa', 'cases.consent_otp', {
      office: input.officeName,
      service: input.serviceName,
      code,
    }),
  });
  return { challengeId: challenge.id, expiresAt: new Date(at.getTime() + CONSENT_TTL_MS) };
}

/**
 * Checks a consent code the citizen gave an office: it must be an unexpired, unused consent challenge for this
 * citizen and mobile. A right code is consumed; a wrong one counts an attempt and answers `wrong_code`, so that the
 * caller can commit the count before refusing (a refusal thrown here would roll the count back).
 */
export async function checkConsentCode(
  trx: Db,
  clock: Clock,
  input: { municipalityId: string; nationalId: string; mobile: string; challengeId: string; code: string },
): Promise<'ok' | 'wrong_code'> {
  const challenge = await lockChallenge(trx, input.challengeId);
  const now = clock.now();
  const matches =
    challenge &&
    challenge.purpose === 'consent' &&
    challenge.municipality_id === input.municipalityId &&
    challenge.national_id === input.nationalId &&
    challenge.mobile === input.mobile &&
    !challenge.consumed_at &&
    challenge.expires_at > now &&
    challenge.attempts < MAX_ATTEMPTS;
  if (!matches) throw new AppError('consent_required');
  const [salt, hash] = challenge.code_hash.split('$');
  if (!safeEqual(sha256Hex(`${salt}:${toLatinDigits(input.code)}`), hash)) {
    await countFailedAttempt(trx, challenge.id);
    return 'wrong_code';
  }
  await consumeChallenge(trx, challenge.id, now);
  return 'ok';
}
