import type { FastifyInstance } from 'fastify';

/** Administration of the municipality, its districts, staff, offices and API clients. */
export async function adminRoutes(_fastify: FastifyInstance): Promise<void> {}
