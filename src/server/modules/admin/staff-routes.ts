import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { access, principalOf } from '../../http/access.js';
import { errors } from '../../http/schemas.js';
import { adminContext } from './context.js';
import { presentStaff } from './presenter.js';
import { IdParams, tags } from './schema-common.js';
import { PasswordSet, StaffCreate, StaffMember, StaffSearchQuery, StaffUpdate } from './staff-schema.js';
import {
  createStaffMember,
  listStaffMembers,
  setStaffPassword,
  unlockStaffMember,
  updateStaffMember,
} from './staff-service.js';

export async function staffRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  app.get(
    '/api/v1/admin/staff',
    {
      config: { access: access.staff('admin', 'oversight') },
      schema: {
        tags,
        summary: "Your municipality's staff accounts (not office operators), by district, role or name",
        querystring: StaffSearchQuery,
        response: { 200: Type.Object({ staff: Type.Array(StaffMember) }), ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      const rows = await listStaffMembers(deps.db, {
        viewer: principalOf(request, 'staff'),
        ...request.query,
      });
      return { staff: rows.map(presentStaff) };
    },
  );

  app.post(
    '/api/v1/admin/staff',
    {
      config: { access: access.staff('admin') },
      schema: {
        tags,
        summary: 'Create a staff account (admin; audited). District roles need a districtId',
        body: StaffCreate,
        response: { 201: StaffMember, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const row = await createStaffMember(deps.db, { ...adminContext(request, deps.clock), ...request.body });
      return reply.code(201).send(presentStaff(row));
    },
  );

  app.patch(
    '/api/v1/admin/staff/:id',
    {
      config: { access: access.staff('admin') },
      schema: {
        tags,
        summary: "Change a staff member's name, roles, district or active state (admin; audited)",
        description:
          'Deactivating an account or changing its roles ends all its sessions. You cannot deactivate yourself or drop your own admin role (409).',
        params: IdParams,
        body: StaffUpdate,
        response: { 200: StaffMember, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const row = await updateStaffMember(deps.db, {
        ...adminContext(request, deps.clock),
        userId: request.params.id,
        ...request.body,
      });
      return presentStaff(row);
    },
  );

  app.post(
    '/api/v1/admin/staff/:id/password',
    {
      config: { access: access.staff('admin') },
      schema: {
        tags,
        summary: "Set a staff member's password and end their sessions (admin; audited)",
        params: IdParams,
        body: PasswordSet,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await setStaffPassword(deps.db, {
        ...adminContext(request, deps.clock),
        userId: request.params.id,
        password: request.body.password,
      });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/admin/staff/:id/unlock',
    {
      config: { access: access.staff('admin') },
      schema: {
        tags,
        summary: 'Lift the lock-out after too many wrong passwords (admin; audited)',
        params: IdParams,
        response: { 204: Type.Null(), ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await unlockStaffMember(deps.db, { ...adminContext(request, deps.clock), userId: request.params.id });
      return reply.code(204).send(null);
    },
  );
}
