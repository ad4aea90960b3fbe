import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { access } from '../../http/access.js';
import { RequestMetrics } from './request-metrics.js';

/** /healthz (the process answers), /readyz (the database answers) and /metrics (Prometheus text format). */
export async function observabilityRoutes(app: FastifyInstance): Promise<void> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new RequestMetrics();

  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.record(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });

  const hidden = { hide: true };
  app.get(
    '/healthz',
    { config: { access: access.public() }, schema: hidden, logLevel: 'warn' },
    async () => ({
      status: 'ok',
    }),
  );

  app.get(
    '/readyz',
    { config: { access: access.public() }, schema: hidden, logLevel: 'warn' },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(app.deps.db);
        return { status: 'ready', database: app.deps.engine };
      } catch {
        return reply.code(503).send({ status: 'not_ready', database: app.deps.engine });
      }
    },
  );

  app.get(
    '/metrics',
    { config: { access: access.public() }, schema: hidden, logLevel: 'warn' },
    async (_request, reply) => {
      reply.header('content-type', registry.contentType);
      return `${await registry.metrics()}\n${requests.text()}`;
    },
  );
}
