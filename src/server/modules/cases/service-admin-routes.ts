import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { access, principalOf } from '../../http/access.js';
import { notFound } from '../../http/errors.js';
import { requestLocale } from '../../http/locale.js';
import { errors } from '../../http/schemas.js';
import { actorOf } from '../audit/actor-of.js';
import { serviceName } from './case-texts.js';
import { checkServiceDefinition, defineService, setServiceDistricts } from './service-admin.js';
import {
  findServiceByCode,
  findServiceVersion,
  listLiveDistrictIds,
  listServicesForAdmin,
  listServiceVersions,
} from './service-repository.js';
import type { ServiceDefinition } from './workflow/types.js';

const tags = ['admin'];
const CodeParams = Type.Object({ code: Type.String({ pattern: '^[a-z0-9_]{2,40}$' }) });
const DefinitionBody = Type.Object(
  { definition: Type.Object({}, { additionalProperties: true }) },
  { additionalProperties: false },
);
const AnyObject = Type.Object({}, { additionalProperties: true });
const Problem = Type.Object({
  path: Type.String({ description: 'JSON path in the definition, e.g. workflow.transitions[2].by[1]' }),
  rule: Type.String(),
  params: Type.Optional(AnyObject),
  message: Type.String({ description: 'In the language of the request' }),
});

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
        summary: 'Services with their current version, definition and the districts where they are live',
        querystring: Type.Object({ lang: Type.Optional(Type.String()) }),
        response: { 200: Type.Object({ services: Type.Array(AnyObject) }), ...errors(401, 403) },
      },
    },
    async (request) => {
      const staff = principalOf(request, 'staff');
      const locale = requestLocale(request);
      const rows = await listServicesForAdmin(deps.db, staff.municipalityId);
      return {
        services: rows.map((row) => ({
          code: row.code,
          name: serviceName(row.definition as ServiceDefinition, locale),
          version: row.current_version,
          isActive: row.is_active,
          updatedAt: row.updated_at.toISOString(),
          liveDistrictIds: row.live_district_ids ?? [],
          definition: row.definition,
        })),
      };
    },
  );

  app.get(
    '/api/v1/admin/services/:code',
    {
      config: { access: access.staff('admin', 'oversight') },
      schema: {
        tags,
        summary: 'A service: its current definition, every version and the districts where it is live',
        params: CodeParams,
        querystring: Type.Object({ lang: Type.Optional(Type.String()) }),
        response: { 200: AnyObject, ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      const staff = principalOf(request, 'staff');
      const service = await findServiceByCode(deps.db, staff.municipalityId, request.params.code);
      if (!service) throw notFound('service');
      const [versions, liveDistrictIds] = await Promise.all([
        listServiceVersions(deps.db, staff.municipalityId, service.id),
        listLiveDistrictIds(deps.db, service.id),
      ]);
      return {
        code: service.code,
        name: serviceName(service.definition as ServiceDefinition, requestLocale(request)),
        version: service.version,
        isActive: service.is_active,
        liveDistrictIds,
        definition: service.definition,
        versions: versions.map((v) => ({
          version: v.version,
          createdAt: v.created_at.toISOString(),
          createdBy: v.created_by_name,
        })),
      };
    },
  );

  app.get(
    '/api/v1/admin/services/:code/versions/:version',
    {
      config: { access: access.staff('admin', 'oversight') },
      schema: {
        tags,
        summary: 'One version of a service definition (cases filed under it keep it)',
        params: Type.Object({ ...CodeParams.properties, version: Type.Integer({ minimum: 1 }) }),
        response: { 200: AnyObject, ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      const staff = principalOf(request, 'staff');
      const service = await findServiceByCode(deps.db, staff.municipalityId, request.params.code);
      const row =
        service &&
        (await findServiceVersion(deps.db, staff.municipalityId, service.id, request.params.version));
      if (!row) throw notFound('service');
      return { version: row.version, createdAt: row.created_at.toISOString(), definition: row.definition };
    },
  );

  app.post(
    '/api/v1/admin/services/:code/check',
    {
      config: { access: access.staff('admin') },
      schema: {
        tags,
        summary:
          'Check a would-be definition without saving it: every problem with its JSON path and a message in the request language',
        params: CodeParams,
        body: DefinitionBody,
        response: {
          200: Type.Object({ ok: Type.Boolean(), problems: Type.Array(Problem) }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (request) => {
      const problems = checkServiceDefinition(
        request.params.code,
        request.body.definition,
        requestLocale(request),
      );
      return { ok: problems.length === 0, problems };
    },
  );

  app.put(
    '/api/v1/admin/services/:code',
    {
      config: { access: access.staff('admin') },
      schema: {
        tags,
        summary:
          'Publish a service (or a new version of it): form fields, documents, workflow states and transitions, targets. A refused definition is a 400 whose details.problems give each problem’s path and message',
        params: CodeParams,
        body: DefinitionBody,
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
        locale: requestLocale(request),
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
