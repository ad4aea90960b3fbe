import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { access, principalOf } from '../../http/access.js';
import { errors } from '../../http/schemas.js';
import { adminContext } from './context.js';
import { Office, OfficeCreate, OfficeUpdate, Operator, OperatorCreate } from './offices-schema.js';
import {
  createOffice,
  createOfficeOperator,
  listMunicipalityOffices,
  listOperatorsOfOffice,
  updateOfficeDetails,
} from './offices-service.js';
import { presentOffice, presentOperator } from './presenter.js';
import { IdParams, tags } from './schema-common.js';

export async function officeRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  app.get(
    '/api/v1/admin/offices',
    {
      config: { access: access.staff('admin', 'oversight') },
      schema: {
        tags,
        summary: "Your municipality's offices: notaries, counters, e-service offices, kiosks, bank branches",
        response: { 200: Type.Object({ offices: Type.Array(Office) }), ...errors(401, 403) },
      },
    },
    async (request) => {
      const rows = await listMunicipalityOffices(deps.db, { viewer: principalOf(request, 'staff') });
      return { offices: rows.map(presentOffice) };
    },
  );

  app.post(
    '/api/v1/admin/offices',
    {
      config: { access: access.staff('admin') },
      schema: {
        tags,
        summary: 'Register an office (admin; audited). Its licence number must be new in the municipality',
        body: OfficeCreate,
        response: { 201: Office, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const row = await createOffice(deps.db, { ...adminContext(request, deps.clock), ...request.body });
      return reply.code(201).send(presentOffice(row));
    },
  );

  app.patch(
    '/api/v1/admin/offices/:id',
    {
      config: { access: access.staff('admin') },
      schema: {
        tags,
        summary:
          "Rename an office or (de)activate it; deactivating ends its operators' sessions (admin; audited)",
        params: IdParams,
        body: OfficeUpdate,
        response: { 200: Office, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const row = await updateOfficeDetails(deps.db, {
        ...adminContext(request, deps.clock),
        officeId: request.params.id,
        ...request.body,
      });
      return presentOffice(row);
    },
  );

  app.get(
    '/api/v1/admin/offices/:id/operators',
    {
      config: { access: access.staff('admin', 'oversight') },
      schema: {
        tags,
        summary: "An office's operator accounts",
        params: IdParams,
        response: { 200: Type.Object({ operators: Type.Array(Operator) }), ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const rows = await listOperatorsOfOffice(deps.db, {
        viewer: principalOf(request, 'staff'),
        officeId: request.params.id,
      });
      return { operators: rows.map(presentOperator) };
    },
  );

  app.post(
    '/api/v1/admin/offices/:id/operators',
    {
      config: { access: access.staff('admin') },
      schema: {
        tags,
        summary: 'Create an operator account for an office (admin; audited)',
        params: IdParams,
        body: OperatorCreate,
        response: { 201: Operator, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const row = await createOfficeOperator(deps.db, {
        ...adminContext(request, deps.clock),
        officeId: request.params.id,
        ...request.body,
      });
      return reply.code(201).send(presentOperator(row));
    },
  );
}
