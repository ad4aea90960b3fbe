import type { FastifyInstance, FastifyRequest } from 'fastify';
import { principalOf } from '../../http/access.js';
import { notFound } from '../../http/errors.js';
import { actorOf } from '../audit/actor-of.js';
import type { SecretSealing, WebhookContext } from './endpoint-service.js';
import { findClientOfMunicipality } from './repository.js';

/** The calling API client's own webhook. */
export function ownWebhook(request: FastifyRequest, app: FastifyInstance): WebhookContext {
  const client = principalOf(request, 'api_client');
  return {
    owner: { municipalityId: client.municipalityId, apiClientId: client.apiClientId },
    actor: actorOf(request),
    at: app.deps.clock.now(),
  };
}

/** The webhook of a client an administrator names: only a client of the admin's own municipality, else 404. */
export async function clientWebhook(
  request: FastifyRequest,
  app: FastifyInstance,
  apiClientId: string,
): Promise<WebhookContext> {
  const staff = principalOf(request, 'staff');
  const client = await findClientOfMunicipality(app.deps.db, staff.municipalityId, apiClientId);
  if (!client) throw notFound('api_client');
  return {
    owner: { municipalityId: staff.municipalityId, apiClientId: client.id },
    actor: actorOf(request),
    at: app.deps.clock.now(),
  };
}

export function sealing(app: FastifyInstance): SecretSealing {
  const { config } = app.deps;
  return {
    policy: {
      allowHttp: config.webhooks.allowHttp,
      allowPrivateNetworks: config.webhooks.allowPrivateNetworks,
    },
    keySecret: config.certificates.keySecret,
  };
}
