import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { access, principalOf } from '../../http/access.js';
import { errors } from '../../http/schemas.js';
import { ApiClient, ApiClientCreate, ApiClientWithSecret } from './api-clients-schema.js';
import {
  createApiClient,
  listMunicipalityApiClients,
  revokeApiClient,
  rotateApiClientSecret,
} from './api-clients-service.js';
import { adminContext } from './context.js';
import { presentApiClient } from './presenter.js';
import { IdParams, tags } from './schema-common.js';

export async function apiClientRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  app.get(
    '/api/v1/admin/api-clients',
    {
      config: { access: access.staff('admin', 'oversight') },
      schema: {
        tags,
        summary: "The institutions' systems (banks, notaries, utilities, agencies) that may call the API",
        response: { 200: Type.Object({ clients: Type.Array(ApiClient) }), ...errors(401, 403) },
      },
    },
    async (request) => {
      const rows = await listMunicipalityApiClients(deps.db, { viewer: principalOf(request, 'staff') });
      return { clients: rows.map(presentApiClient) };
    },
  );

  app.post(
    '/api/v1/admin/api-clients',
    {
      config: { access: access.staff('admin') },
      schema: {
        tags,
        summary: 'Register an API client; its secret is in this response only (admin; audited)',
        body: ApiClientCreate,
        response: { 201: ApiClientWithSecret, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const { client, clientSecret } = await createApiClient(deps.db, {
        ...adminContext(request, deps.clock),
        ...request.body,
      });
      reply.header('cache-control', 'no-store');
      return reply.code(201).send({ client: presentApiClient(client), clientSecret });
    },
  );

  app.post(
    '/api/v1/admin/api-clients/:id/rotate-secret',
    {
      config: { access: access.staff('admin') },
      schema: {
        tags,
        summary: 'Issue a new secret; tokens issued under the old one stop working (admin; audited)',
        params: IdParams,
        response: { 200: ApiClientWithSecret, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { client, clientSecret } = await rotateApiClientSecret(deps.db, {
        ...adminContext(request, deps.clock),
        apiClientId: request.params.id,
      });
      reply.header('cache-control', 'no-store');
      return { client: presentApiClient(client), clientSecret };
    },
  );

  app.post(
    '/api/v1/admin/api-clients/:id/revoke',
    {
      config: { access: access.staff('admin') },
      schema: {
        tags,
        summary: 'Revoke an API client for good: no new tokens, and its tokens stop working (admin; audited)',
        params: IdParams,
        response: { 200: ApiClient, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const row = await revokeApiClient(deps.db, {
        ...adminContext(request, deps.clock),
        apiClientId: request.params.id,
      });
      return presentApiClient(row);
    },
  );
}
