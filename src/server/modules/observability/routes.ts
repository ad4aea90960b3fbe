import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { access } from '../../http/access.js';

/** /healthz (the process answers), /readyz (the database answers) and /metrics (Prometheus text format). */
export async function observabilityRoutes(app: FastifyInstance): Promise<void> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method and route',
    labelNames: ['method', 'route'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });

  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
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
      return registry.metrics();
    },
  );
}
