import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { access } from '../../http/access.js';
import { errors } from '../../http/schemas.js';
import { ownWebhook, sealing } from './context.js';
import {
  deleteEndpoint,
  listEndpointDeliveries,
  readEndpoint,
  redeliver,
  registerEndpoint,
  rotateEndpointSecret,
} from './endpoint-service.js';
import { presentDelivery, presentEndpoint } from './presenter.js';
import {
  DeliveriesQuery,
  DeliveryList,
  DeliveryParams,
  EndpointUrlBody,
  tags,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointSaved,
  WebhookEndpointWithSecret,
} from './schema.js';

/** An institution's system manages its own webhook with its access token (docs/webhooks.md). */
export async function webhookRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps;

  app.put(
    '/api/v1/webhooks/endpoint',
    {
      config: { access: access.apiClient() },
      schema: {
        tags,
        summary: 'Register or change your callback URL (API client; audited)',
        description:
          'The first registration answers 201 with the signing secret, shown this once. Changing the URL later ' +
          'answers 200 and keeps the secret. Events are POSTed there signed per Standard Webhooks.',
        body: EndpointUrlBody,
        response: { 200: WebhookEndpointSaved, 201: WebhookEndpointSaved, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const saved = await registerEndpoint(db, {
        ...ownWebhook(request, app),
        ...sealing(app),
        url: request.body.url,
      });
      reply.header('cache-control', 'no-store');
      return reply
        .code(saved.created ? 201 : 200)
        .send({ endpoint: presentEndpoint(saved.endpoint), secret: saved.secret });
    },
  );

  app.get(
    '/api/v1/webhooks/endpoint',
    {
      config: { access: access.apiClient() },
      schema: {
        tags,
        summary: 'Your callback URL and whether deliveries are enabled (API client)',
        response: { 200: WebhookEndpoint, ...errors(401, 403, 404) },
      },
    },
    async (request) => presentEndpoint(await readEndpoint(db, ownWebhook(request, app).owner)),
  );

  app.delete(
    '/api/v1/webhooks/endpoint',
    {
      config: { access: access.apiClient() },
      schema: {
        tags,
        summary: 'Remove your callback URL; waiting deliveries are given up (API client; audited)',
        response: { 204: { type: 'null' }, ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deleteEndpoint(db, ownWebhook(request, app));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/webhooks/endpoint/rotate-secret',
    {
      config: { access: access.apiClient() },
      schema: {
        tags,
        summary: 'Issue a new signing secret; the old one stops at once (API client; audited)',
        response: { 200: WebhookEndpointWithSecret, ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { endpoint, secret } = await rotateEndpointSecret(db, {
        ...ownWebhook(request, app),
        ...sealing(app),
      });
      reply.header('cache-control', 'no-store');
      return { endpoint: presentEndpoint(endpoint), secret };
    },
  );

  app.get(
    '/api/v1/webhooks/deliveries',
    {
      config: { access: access.apiClient() },
      schema: {
        tags,
        summary: 'Your deliveries, newest first (API client)',
        querystring: DeliveriesQuery,
        response: { 200: DeliveryList, ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      const rows = await listEndpointDeliveries(db, ownWebhook(request, app).owner, request.query);
      return { deliveries: rows.map(presentDelivery) };
    },
  );

  app.post(
    '/api/v1/webhooks/deliveries/:id/redeliver',
    {
      config: { access: access.apiClient() },
      schema: {
        tags,
        summary: 'Send one of your deliveries again, with the same event id (API client)',
        params: DeliveryParams,
        response: { 202: WebhookDelivery, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const row = await redeliver(db, { ...ownWebhook(request, app), deliveryId: request.params.id });
      return reply.code(202).send(presentDelivery(row));
    },
  );
}
