import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { access } from '../../http/access.js';
import { errors } from '../../http/schemas.js';
import { clientWebhook, sealing } from './context.js';
import {
  deleteEndpoint,
  listEndpointDeliveries,
  readEndpoint,
  redeliver,
  registerEndpoint,
  rotateEndpointSecret,
  setEndpointEnabled,
} from './endpoint-service.js';
import { presentDelivery, presentEndpoint } from './presenter.js';
import {
  AdminEndpointBody,
  ClientDeliveryParams,
  ClientParams,
  DeliveriesQuery,
  DeliveryList,
  EnabledBody,
  tags,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointSaved,
  WebhookEndpointWithSecret,
} from './schema.js';

const base = '/api/v1/admin/api-clients/:id/webhook';
const adminTags = ['admin', ...tags];

/** Administrators see and manage the webhook of any API client of their own municipality; oversight may read. */
export async function webhookAdminRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps;

  app.get(
    base,
    {
      config: { access: access.staff('admin', 'oversight') },
      schema: {
        tags: adminTags,
        summary: "An API client's webhook endpoint (admin, oversight)",
        params: ClientParams,
        response: { 200: WebhookEndpoint, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const ctx = await clientWebhook(request, app, request.params.id);
      return presentEndpoint(await readEndpoint(db, ctx.owner));
    },
  );

  app.put(
    base,
    {
      config: { access: access.staff('admin') },
      schema: {
        tags: adminTags,
        summary: "Register or change an API client's callback URL for it (admin; audited)",
        description:
          'A first registration answers 201 with the signing secret, shown this once: pass it on securely.',
        params: ClientParams,
        body: AdminEndpointBody,
        response: { 200: WebhookEndpointSaved, 201: WebhookEndpointSaved, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const saved = await registerEndpoint(db, {
        ...(await clientWebhook(request, app, request.params.id)),
        ...sealing(app),
        url: request.body.url,
        enabled: request.body.enabled,
      });
      reply.header('cache-control', 'no-store');
      return reply
        .code(saved.created ? 201 : 200)
        .send({ endpoint: presentEndpoint(saved.endpoint), secret: saved.secret });
    },
  );

  app.patch(
    base,
    {
      config: { access: access.staff('admin') },
      schema: {
        tags: adminTags,
        summary: 'Pause or resume deliveries to an API client (admin; audited)',
        params: ClientParams,
        body: EnabledBody,
        response: { 200: WebhookEndpoint, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const row = await setEndpointEnabled(db, {
        ...(await clientWebhook(request, app, request.params.id)),
        enabled: request.body.enabled,
      });
      return presentEndpoint(row);
    },
  );

  app.delete(
    base,
    {
      config: { access: access.staff('admin') },
      schema: {
        tags: adminTags,
        summary: "Remove an API client's callback URL (admin; audited)",
        params: ClientParams,
        response: { 204: { type: 'null' }, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deleteEndpoint(db, await clientWebhook(request, app, request.params.id));
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${base}/rotate-secret`,
    {
      config: { access: access.staff('admin') },
      schema: {
        tags: adminTags,
        summary: "Issue a new signing secret for an API client's webhook (admin; audited)",
        params: ClientParams,
        response: { 200: WebhookEndpointWithSecret, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { endpoint, secret } = await rotateEndpointSecret(db, {
        ...(await clientWebhook(request, app, request.params.id)),
        ...sealing(app),
      });
      reply.header('cache-control', 'no-store');
      return { endpoint: presentEndpoint(endpoint), secret };
    },
  );

  app.get(
    `${base}/deliveries`,
    {
      config: { access: access.staff('admin', 'oversight') },
      schema: {
        tags: adminTags,
        summary: "An API client's deliveries, newest first (admin, oversight)",
        params: ClientParams,
        querystring: DeliveriesQuery,
        response: { 200: DeliveryList, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const ctx = await clientWebhook(request, app, request.params.id);
      const rows = await listEndpointDeliveries(db, ctx.owner, request.query);
      return { deliveries: rows.map(presentDelivery) };
    },
  );

  app.post(
    `${base}/deliveries/:deliveryId/redeliver`,
    {
      config: { access: access.staff('admin') },
      schema: {
        tags: adminTags,
        summary: 'Send a delivery again, with the same event id (admin)',
        params: ClientDeliveryParams,
        response: { 202: WebhookDelivery, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const row = await redeliver(db, {
        ...(await clientWebhook(request, app, request.params.id)),
        deliveryId: request.params.deliveryId,
      });
      return reply.code(202).send(presentDelivery(row));
    },
  );
}
