import type { FastifyRequest } from 'fastify';
import { AppError } from '../../http/errors.js';
import type { Actor } from './actor.js';

/** The audit actor of a request's principal. */
export function actorOf(request: FastifyRequest): Actor {
  const principal = request.principal;
  if (!principal) throw new AppError('unauthenticated');
  const ip = request.ip ?? null;
  switch (principal.kind) {
    case 'api_client':
      return {
        municipalityId: principal.municipalityId,
        kind: 'api_client',
        userId: null,
        officeId: null,
        apiClientId: principal.apiClientId,
        ip,
      };
    case 'office':
      return {
        municipalityId: principal.municipalityId,
        kind: 'office',
        userId: principal.userId,
        officeId: principal.officeId,
        apiClientId: null,
        ip,
      };
    default:
      return {
        municipalityId: principal.municipalityId,
        kind: 'user',
        userId: principal.userId,
        officeId: null,
        apiClientId: null,
        ip,
      };
  }
}
