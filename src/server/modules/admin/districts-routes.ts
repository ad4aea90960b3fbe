import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { access, principalOf } from '../../http/access.js';
import { errors } from '../../http/schemas.js';
import { adminContext } from './context.js';
import { District, DistrictCreate, DistrictUpdate } from './districts-schema.js';
import { createDistrict, listMunicipalityDistricts, renameDistrict } from './districts-service.js';
import { presentDistrict } from './presenter.js';
import { IdParams, tags } from './schema-common.js';

export async function districtRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  app.get(
    '/api/v1/admin/districts',
    {
      config: { access: access.staff('admin', 'oversight') },
      schema: {
        tags,
        summary: "Your municipality's districts in number order, with their parcel and staff counts",
        response: { 200: Type.Object({ districts: Type.Array(District) }), ...errors(401, 403) },
      },
    },
    async (request) => {
      const rows = await listMunicipalityDistricts(deps.db, { viewer: principalOf(request, 'staff') });
      return { districts: rows.map(presentDistrict) };
    },
  );

  app.post(
    '/api/v1/admin/districts',
    {
      config: { access: access.staff('admin') },
      schema: {
        tags,
        summary: 'Add a district (admin; audited). Its number must be new in the municipality',
        body: DistrictCreate,
        response: { 201: District, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const row = await createDistrict(deps.db, { ...adminContext(request, deps.clock), ...request.body });
      return reply.code(201).send(presentDistrict(row));
    },
  );

  app.patch(
    '/api/v1/admin/districts/:id',
    {
      config: { access: access.staff('admin') },
      schema: {
        tags,
        summary: 'Rename a district (admin; audited)',
        params: IdParams,
        body: DistrictUpdate,
        response: { 200: District, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const row = await renameDistrict(deps.db, {
        ...adminContext(request, deps.clock),
        districtId: request.params.id,
        ...request.body,
      });
      return presentDistrict(row);
    },
  );
}
