import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { AppDeps } from '../../app-deps.js';
import type { ApiClientKind, Db } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import type { ApiClientPrincipal } from '../../http/principal.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import {
  findApiClientByClientId,
  findApiClientById,
  markApiClientUsed,
  readOrCreateSetting,
} from './api-client-repository.js';
import { randomToken, safeEqual, sha256Hex } from './tokens.js';

const AUDIENCE = 'shahrvand-api';
const SECRET_SETTING = 'access_token_hs256_key';

/** Client secrets are random 256-bit values, so a SHA-256 of them is as strong as a slow hash and far cheaper. */
export function hashClientSecret(secret: string): string {
  return `sha256:${sha256Hex(secret)}`;
}

export function newClientSecret(): string {
  return `svs_${randomToken(32)}`;
}

async function signingKey(db: Db): Promise<Uint8Array> {
  const key = await readOrCreateSetting(db, SECRET_SETTING, () => randomToken(48));
  return new TextEncoder().encode(key);
}

/**
 * OAuth2 client-credentials grant: checks the client's secret and returns a short-lived JWT naming the client
 * and the version of its secret, so a rotation or revocation ends every token issued before it.
 */
export async function issueAccessToken(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config'>,
  input: { clientId: string; clientSecret: string; ip: string | null },
) {
  const { db, clock, config } = deps;
  const client = await findApiClientByClientId(db, input.clientId);
  const presented = hashClientSecret(input.clientSecret);
  if (!client || client.revoked_at || !safeEqual(presented, client.secret_hash))
    throw new AppError('invalid_client');
  const now = clock.now();
  const expiresIn = config.auth.accessTokenTtlSeconds;
  const token = await new SignJWT({
    mid: client.municipality_id,
    ver: client.secret_version,
    scope: client.scopes.join(' '),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(client.id)
    .setIssuer(config.publicUrl)
    .setAudience(AUDIENCE)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(now.getTime() / 1000) + expiresIn)
    .sign(await signingKey(db));
  const actor: Actor = {
    municipalityId: client.municipality_id,
    kind: 'api_client',
    userId: null,
    officeId: null,
    apiClientId: client.id,
    ip: input.ip,
  };
  await db.transaction().execute(async (trx) => {
    await markApiClientUsed(trx, client.id, now);
    await recordAudit(
      trx,
      actor,
      { action: 'auth.token_issued', entityType: 'api_client', entityId: client.id },
      now,
    );
  });
  return { accessToken: token, expiresIn, scope: client.scopes.join(' ') };
}

/** The API client behind a bearer token; refuses expired tokens and tokens of a revoked or rotated secret. */
export async function principalFromAccessToken(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  token: string,
): Promise<ApiClientPrincipal> {
  let payload: { sub?: string; mid?: unknown; ver?: unknown };
  try {
    ({ payload } = await jwtVerify(token, await signingKey(deps.db), {
      audience: AUDIENCE,
      algorithms: ['HS256'],
      currentDate: deps.clock.now(),
    }));
  } catch (err) {
    if (err instanceof joseErrors.JOSEError) throw new AppError('invalid_token');
    throw err;
  }
  const client = payload.sub ? await findApiClientById(deps.db, payload.sub) : undefined;
  if (
    !client ||
    client.revoked_at ||
    client.secret_version !== payload.ver ||
    client.municipality_id !== payload.mid
  ) {
    throw new AppError('invalid_token');
  }
  return {
    kind: 'api_client',
    municipalityId: client.municipality_id,
    apiClientId: client.id,
    clientId: client.client_id,
    clientKind: client.kind as ApiClientKind,
    scopes: client.scopes,
  };
}
