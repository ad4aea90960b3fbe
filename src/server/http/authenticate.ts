import type { FastifyInstance, FastifyRequest } from 'fastify';
import { principalFromAccessToken } from '../modules/accounts/access-tokens.js';
import { principalFromSession } from '../modules/accounts/sessions.js';
import { type Access, authorize } from './access.js';
import { AppError } from './errors.js';

export const SESSION_COOKIE = 'sv_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const [scheme, token] = header.split(' ');
  if (scheme?.toLowerCase() !== 'bearer') return null; // e.g. Basic, for the token endpoint
  if (!token) throw new AppError('invalid_token');
  return token;
}

/**
 * The first steps of every request's pipeline. onRequest: find the principal (bearer token or session cookie),
 * enforce CSRF on cookie-authenticated writes, and refuse anonymous callers of non-public routes before their
 * input is even read. preHandler (after validation): check the route's rule against the principal.
 */
export function registerAuthentication(app: FastifyInstance): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('accessRule', null);

  // Callback-style hooks: most requests (public ones, with no credentials) settle without a promise.
  app.addHook('onRequest', (request, _reply, done) => {
    // Read once: Fastify builds a new routeOptions object on every access.
    const rule = request.routeOptions.config.access;
    if (!rule) return done(); // unmatched route: the not-found handler answers
    request.accessRule = rule;
    if (request.headers.authorization === undefined && request.cookies[SESSION_COOKIE] === undefined) {
      request.principal = null;
      return done(rule.kind === 'public' ? undefined : new AppError('unauthenticated'));
    }
    identify(app, request, rule).then(() => done(), done);
  });

  app.addHook('preHandler', (request, _reply, done) => {
    const rule = request.accessRule;
    try {
      if (rule) authorize(rule, request.principal);
    } catch (err) {
      return done(err as Error);
    }
    done();
  });
}

/** Finds the principal of a request that carries a bearer token or a session cookie. */
async function identify(app: FastifyInstance, request: FastifyRequest, rule: Access): Promise<void> {
  const token = bearerToken(request);
  if (token) {
    request.principal = await principalFromAccessToken(app.deps, token);
  } else {
    const cookie = request.cookies[SESSION_COOKIE];
    const principal = cookie ? await principalFromSession(app.deps.db, app.deps.clock, cookie) : null;
    if (
      principal &&
      !SAFE_METHODS.has(request.method) &&
      request.headers[CSRF_HEADER] !== principal.csrfToken
    ) {
      if (rule.kind !== 'public') throw new AppError('csrf_failed');
      request.principal = null;
      return;
    }
    request.principal = principal;
  }
  if (rule.kind !== 'public' && !request.principal) throw new AppError('unauthenticated');
}

/** Refuses to start when a route forgot to declare who may call it. */
export function requireAccessRules(app: FastifyInstance, publicPrefixes: string[]): void {
  app.addHook('onRoute', (route) => {
    route.config ??= {};
    const config = route.config as { access?: unknown };
    if (config.access) return;
    if (publicPrefixes.some((prefix) => route.url.startsWith(prefix))) {
      config.access = { kind: 'public' };
      return;
    }
    throw new Error(`Route ${route.method} ${route.url} has no access rule (config.access)`);
  });
}
