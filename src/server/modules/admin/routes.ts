import type { FastifyInstance } from 'fastify';
import { apiClientRoutes } from './api-clients-routes.js';
import { districtRoutes } from './districts-routes.js';
import { municipalityRoutes } from './municipality-routes.js';
import { officeRoutes } from './offices-routes.js';
import { staffRoutes } from './staff-routes.js';

/**
 * Administration of the signed-in admin's own municipality: its districts, staff, offices and API clients.
 * Admins write; oversight may read. Everything is scoped to the caller's municipality and every change is audited.
 */
export async function adminRoutes(fastify: FastifyInstance): Promise<void> {
  await fastify.register(municipalityRoutes);
  await fastify.register(districtRoutes);
  await fastify.register(staffRoutes);
  await fastify.register(officeRoutes);
  await fastify.register(apiClientRoutes);
}
