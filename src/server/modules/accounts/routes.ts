import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { toLatinDigits } from '../../../shared/digits.js';
import { access, principalOf } from '../../http/access.js';
import { SESSION_COOKIE } from '../../http/authenticate.js';
import { AppError } from '../../http/errors.js';
import { requestLocale } from '../../http/locale.js';
import { errors, MunicipalityCode } from '../../http/schemas.js';
import { actorOf } from '../audit/actor-of.js';
import { recordAudit } from '../audit/record-audit.js';
import { issueAccessToken } from './access-tokens.js';
import { requestCitizenOtp, verifyCitizenOtp } from './citizen-sign-in.js';
import { nameIn, presentMe } from './presenter.js';
import { findMunicipalityByCode } from './repository.js';
import { resolveMunicipality } from './resolve-municipality.js';
import {
  CitizenOtpChallenge,
  CitizenOtpRequest,
  CitizenOtpVerify,
  Me,
  PasswordLogin,
  PublicMunicipality,
  TokenRequest,
  TokenResponse,
} from './schema.js';
import { revokeSession, revokeUserSessions } from './session-repository.js';
import { principalFromSession } from './sessions.js';
import { signInWithPassword } from './staff-sign-in.js';

const tags = ['auth'];

function basicCredentials(request: FastifyRequest): { id: string; secret: string } | null {
  const header = request.headers.authorization;
  if (!header?.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return {
    id: decodeURIComponent(decoded.slice(0, colon)),
    secret: decodeURIComponent(decoded.slice(colon + 1)),
  };
}

export async function accountRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  async function startSession(
    request: FastifyRequest,
    reply: FastifyReply,
    session: { token: string; expiresAt: Date },
  ) {
    reply.setCookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.secureCookies,
      path: '/',
      expires: session.expiresAt,
    });
    const principal = await principalFromSession(deps.db, deps.clock, session.token);
    if (!principal) throw new AppError('internal');
    return presentMe(deps.db, principal, requestLocale(request));
  }

  app.post(
    '/api/v1/auth/citizen/otp',
    {
      config: { access: access.public() },
      schema: {
        tags,
        summary: 'Send a one-time sign-in code to a citizen by SMS',
        body: CitizenOtpRequest,
        response: { 202: CitizenOtpChallenge, ...errors(400, 403, 404, 429, 502) },
      },
    },
    async (request, reply) => {
      const challenge = await requestCitizenOtp(deps, {
        ...request.body,
        ip: request.ip,
        locale: requestLocale(request),
      });
      return reply.code(202).send({ ...challenge, expiresAt: challenge.expiresAt.toISOString() });
    },
  );

  app.post(
    '/api/v1/auth/citizen/verify',
    {
      config: { access: access.public() },
      schema: {
        tags,
        summary: 'Sign a citizen in with the code received by SMS',
        body: CitizenOtpVerify,
        response: { 200: Me, ...errors(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const session = await verifyCitizenOtp(deps, {
        challengeId: request.body.challengeId,
        code: toLatinDigits(request.body.code),
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      return startSession(request, reply, session);
    },
  );

  app.post(
    '/api/v1/auth/staff/login',
    {
      config: { access: access.public() },
      schema: {
        tags,
        summary: 'Sign a staff member or an office operator in with username and password',
        body: PasswordLogin,
        response: { 200: Me, ...errors(400, 401, 403, 404, 423) },
      },
    },
    async (request, reply) => {
      const session = await signInWithPassword(deps, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      return startSession(request, reply, session);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: access.sessionUser() },
      schema: {
        tags,
        summary: 'Sign out of this session',
        response: { 204: Type.Null(), ...errors(401, 403) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request, 'citizen', 'staff', 'office');
      await deps.db.transaction().execute(async (trx) => {
        await revokeSession(trx, principal.sessionId, deps.clock.now());
        await recordAudit(trx, actorOf(request), {
          action: 'auth.signed_out',
          entityType: 'user',
          entityId: principal.userId,
        });
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/logout-all',
    {
      config: { access: access.sessionUser() },
      schema: {
        tags,
        summary: 'Sign out everywhere: revoke every session of the signed-in user',
        response: { 200: Type.Object({ revokedSessions: Type.Integer() }), ...errors(401, 403) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request, 'citizen', 'staff', 'office');
      const revokedSessions = await deps.db.transaction().execute(async (trx) => {
        const count = await revokeUserSessions(
          trx,
          principal.municipalityId,
          principal.userId,
          deps.clock.now(),
        );
        await recordAudit(trx, actorOf(request), {
          action: 'auth.signed_out_everywhere',
          entityType: 'user',
          entityId: principal.userId,
          details: { sessions: count },
        });
        return count;
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { revokedSessions };
    },
  );

  app.get(
    '/api/v1/me',
    {
      config: { access: access.signedIn() },
      schema: {
        tags,
        summary: 'Who is signed in: user, office or API client, with roles',
        response: { 200: Me, ...errors(401) },
      },
    },
    async (request) =>
      presentMe(
        deps.db,
        principalOf(request, 'citizen', 'staff', 'office', 'api_client'),
        requestLocale(request),
      ),
  );

  app.get(
    '/api/v1/municipality',
    {
      config: { access: access.public() },
      schema: {
        tags: ['municipality'],
        summary:
          'Which municipality this deployment serves (or the one named by ?code=): names and time zone',
        querystring: Type.Object({
          code: Type.Optional(MunicipalityCode),
          lang: Type.Optional(Type.String()),
        }),
        response: { 200: PublicMunicipality, ...errors(400, 404) },
      },
    },
    async (request) => {
      const found = await resolveMunicipality(deps.db, request.query.code, deps.config.defaultMunicipality);
      const municipality = await findMunicipalityByCode(deps.db, found.code);
      if (!municipality)
        throw new AppError('municipality_unknown', { code: found.code }, { code: found.code });
      return {
        code: municipality.code,
        name: nameIn(municipality, requestLocale(request)),
        names: { fa: municipality.name_fa, en: municipality.name_en, vi: municipality.name_vi },
        timezone: municipality.timezone,
      };
    },
  );

  app.post(
    '/oauth/token',
    {
      config: { access: access.public() },
      schema: {
        tags,
        summary: 'OAuth2 client-credentials grant for institutions (banks, notaries, utilities)',
        description:
          'Authenticate with HTTP Basic (client_id:client_secret) or with client_id and client_secret in the ' +
          'form body. Returns a short-lived JWT to send as `Authorization: Bearer`.',
        body: TokenRequest,
        response: { 200: TokenResponse, ...errors(400, 401) },
      },
    },
    async (request, reply) => {
      const basic = basicCredentials(request);
      const clientId = basic?.id ?? request.body.client_id;
      const clientSecret = basic?.secret ?? request.body.client_secret;
      if (!clientId || !clientSecret) throw new AppError('invalid_client');
      const token = await issueAccessToken(deps, { clientId, clientSecret, ip: request.ip });
      reply.header('cache-control', 'no-store');
      return {
        access_token: token.accessToken,
        token_type: 'Bearer' as const,
        expires_in: token.expiresIn,
        scope: token.scope,
      };
    },
  );
}
