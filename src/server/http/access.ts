import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';
import type { Principal, PrincipalKind, StaffRole } from './principal.js';

/**
 * The authorization rule every route declares in `config.access`. The app refuses to start with a route that
 * has none. Resource-level rules (whose parcel, which district) live in each module's policies and queries.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'principals'; principals: PrincipalKind[]; staffRoles?: StaffRole[] };

export const access = {
  /** Anyone, signed in or not. */
  public: (): Access => ({ kind: 'public' }),
  /** Any signed-in principal (session or API client). */
  signedIn: (): Access => ({ kind: 'principals', principals: ['citizen', 'staff', 'office', 'api_client'] }),
  /** Any principal signed in with a session cookie. */
  sessionUser: (): Access => ({ kind: 'principals', principals: ['citizen', 'staff', 'office'] }),
  citizen: (): Access => ({ kind: 'principals', principals: ['citizen'] }),
  citizenOrStaff: (): Access => ({ kind: 'principals', principals: ['citizen', 'staff'] }),
  /** Staff holding at least one of the roles (any staff role when none are named). */
  staff: (...roles: StaffRole[]): Access => ({
    kind: 'principals',
    principals: ['staff'],
    staffRoles: roles,
  }),
  office: (): Access => ({ kind: 'principals', principals: ['office'] }),
  apiClient: (): Access => ({ kind: 'principals', principals: ['api_client'] }),
};

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** The route's access rule, as the onRequest hook found it (null on unmatched routes). */
    accessRule: Access | null;
  }
}

/** Checks the route's rule against the caller: 401 when nobody is signed in, 403 when the wrong one is. */
export function authorize(rule: Access, principal: Principal | null): void {
  if (rule.kind === 'public') return;
  if (!principal) throw new AppError('unauthenticated');
  if (!rule.principals.includes(principal.kind)) throw new AppError('forbidden');
  if (principal.kind === 'staff' && rule.staffRoles && rule.staffRoles.length > 0) {
    if (!principal.roles.some((role) => rule.staffRoles?.includes(role))) throw new AppError('forbidden');
  }
}

/** The signed-in principal of a route whose rule already admitted only these kinds. */
export function principalOf<K extends PrincipalKind>(
  request: FastifyRequest,
  ...kinds: K[]
): Extract<Principal, { kind: K }> {
  const principal = request.principal;
  if (!principal) throw new AppError('unauthenticated');
  if (!kinds.includes(principal.kind as K)) throw new AppError('forbidden');
  return principal as Extract<Principal, { kind: K }>;
}
