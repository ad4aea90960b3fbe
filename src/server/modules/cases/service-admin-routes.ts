import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { access, principalOf } from '../../http/access.js';
import { errors } from '../../http/schemas.js';
import { actorOf } from '../audit/actor-of.js';
import { defineService, listServicesForAdmin, setServiceDistricts } from './service-admin.js';

const tags = ['admin'];
const CodeParams = Type.Object({ code: Type.String({ pattern: '^[a-z0-9_]{2,40}$' }) });

/** Administrators define services as data (form, documents, workflow, targets) and roll them out by district. */
export async function serviceAdminRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  app.get(
    '/api/v1/admin/services',
    {
      config: { access: access.staff('admin', 'oversight') },
      schema: {
        tags,
        summary: 'Services with their current definition and the districts where they are live',
        response: {
          200: Type.Object({ services: Type.Array(Type.Object({}, { additionalProperties: true })) }),
          ...errors(401, 403),
        },
      },
    },
    async (request) => {
      const staff = principalOf(request, 'staff');
      const rows = await listServicesForAdmin(deps, staff.municipalityId);
      return {
        services: rows.map((row) => ({
          code: row.code,
          version: row.current_version,
          isActive: row.is_active,
          liveDistrictIds: row.live_district_ids ?? [],
          definition: row.definition,
        })),
      };
    },
  );

  app.put(
    '/api/v1/admin/services/:code',
    {
      config: { access: access.staff('admin') },
      schema: {
        tags,
        summary:
          'Define a service (or a new version of it): form fields, documents, workflow states and transitions, targets',
        params: CodeParams,
        body: Type.Object(
          { definition: Type.Object({}, { additionalProperties: true }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ code: Type.String(), version: Type.Integer() }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (request) => {
      const staff = principalOf(request, 'staff');
      const saved = await defineService(deps, {
        municipalityId: staff.municipalityId,
        actor: actorOf(request),
        code: request.params.code,
        definition: request.body.definition,
      });
      return { code: request.params.code, version: saved.version };
    },
  );

  app.put(
    '/api/v1/admin/services/:code/districts',
    {
      config: { access: access.staff('admin') },
      schema: {
        tags,
        summary: 'The districts where a service is live',
        params: CodeParams,
        body: Type.Object(
          { districtIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 100 }) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const staff = principalOf(request, 'staff');
      await setServiceDistricts(deps, {
        municipalityId: staff.municipalityId,
        actor: actorOf(request),
        code: request.params.code,
        districtIds: request.body.districtIds,
      });
      return reply.code(204).send(null);
    },
  );
}
