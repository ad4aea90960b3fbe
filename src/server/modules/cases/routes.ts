import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { access, principalOf } from '../../http/access.js';
import { notFound } from '../../http/errors.js';
import { requestLocale } from '../../http/locale.js';
import { errors } from '../../http/schemas.js';
import { actorOf } from '../audit/actor-of.js';
import { actOnCase } from './act-on-case.js';
import { definitionOf, loadVisibleCase, workflowActorOf } from './case-access.js';
import { listApplicantCases, listOfficeCases, staffQueue } from './case-queries.js';
import { listAssignableStaff, listCaseDocuments, listCaseEvents } from './case-repository.js';
import { serviceName } from './case-texts.js';
import { officeConsentRoutes } from './consent-routes.js';
import { caseDocumentRoutes } from './document-routes.js';
import { editCaseForm } from './edit-case.js';
import { fileCase } from './file-case.js';
import { presentCase, presentCaseSummary } from './presenter.js';
import { publicCaseStatus } from './public-status.js';
import {
  ActionBody,
  CaseParams,
  CaseResponse,
  EditCaseBody,
  FileCaseBody,
  QueueQuery,
  StatusQuery,
} from './schema.js';
import { definitionsFor } from './service-definitions.js';
import { listLiveServices } from './service-repository.js';
import { assignableRoles } from './workflow/action-inputs.js';
import { allowedActions } from './workflow/transitions.js';
import type { ServiceDefinition } from './workflow/types.js';

const tags = ['cases'];
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export async function caseRoutes(fastify: FastifyInstance): Promise<void> {
  await fastify.register(multipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 },
  });
  await fastify.register(officeConsentRoutes);
  await fastify.register(caseDocumentRoutes, { maxUploadBytes: MAX_UPLOAD_BYTES });
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  async function present(request: Parameters<typeof requestLocale>[0], caseId: string) {
    const principal = request.principal!;
    const row = await loadVisibleCase(deps.db, principal, caseId);
    const def = definitionOf(row);
    const mayAssign =
      principal.kind === 'staff' &&
      allowedActions(def, row.state, workflowActorOf(principal)).includes('assign');
    const [events, documents, assignees] = await Promise.all([
      listCaseEvents(deps.db, row.id),
      listCaseDocuments(deps.db, row.id),
      mayAssign
        ? listAssignableStaff(deps.db, row.municipality_id, row.district_id, assignableRoles(def, row.state))
        : [],
    ]);
    return presentCase(row, events, documents, principal, requestLocale(request), assignees);
  }

  app.get(
    '/api/v1/services',
    {
      config: { access: access.sessionUser() },
      schema: {
        tags,
        summary:
          'Services offered (optionally: live in one district), with their forms and required documents',
        querystring: Type.Object({
          districtId: Type.Optional(Type.String({ format: 'uuid' })),
          lang: Type.Optional(Type.String()),
        }),
        response: { 200: Type.Object({ services: Type.Array(CaseResponse) }), ...errors(401) },
      },
    },
    async (request) => {
      const principal = principalOf(request, 'citizen', 'staff', 'office');
      const rows = await listLiveServices(
        deps.db,
        principal.municipalityId,
        request.query.districtId ?? null,
      );
      const locale = requestLocale(request);
      return {
        services: rows
          .filter((row) => !deps.caseHooks.isFiledThroughModule(row.code))
          .map((row) => {
            const def = row.definition as ServiceDefinition;
            return {
              code: row.code,
              version: row.version,
              name: serviceName(def, locale),
              formFields: def.formFields,
              documents: def.documents,
            };
          }),
      };
    },
  );

  app.post(
    '/api/v1/cases',
    {
      config: { access: { kind: 'principals', principals: ['citizen', 'office'] } },
      schema: {
        tags,
        summary: 'Open a case file (draft) for a parcel: a citizen for themselves, an office with consent',
        body: FileCaseBody,
        response: { 201: CaseResponse, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request, 'citizen', 'office');
      const body = request.body;
      if (deps.caseHooks.isFiledThroughModule(body.serviceCode)) throw notFound('service');
      const caseId = await fileCase(deps, {
        principal,
        actor: actorOf(request),
        ...body,
        formData: body.formData as Record<string, unknown> | undefined,
      });
      return reply.code(201).send(await present(request, caseId));
    },
  );

  app.get(
    '/api/v1/cases',
    {
      config: { access: access.sessionUser() },
      schema: {
        tags,
        summary:
          "A citizen's cases, an office's filings, or a district's queue for staff (filter, sort by deadline)",
        querystring: QueueQuery,
        response: { 200: Type.Object({ cases: Type.Array(CaseResponse) }), ...errors(400, 401) },
      },
    },
    async (request) => {
      const principal = principalOf(request, 'citizen', 'office', 'staff');
      const q = request.query;
      const rows =
        principal.kind === 'citizen'
          ? await listApplicantCases(deps.db, principal, q.limit)
          : principal.kind === 'office'
            ? await listOfficeCases(deps.db, principal, q.limit)
            : await staffQueue(deps.db, principal, { ...q, assigned: q.assigned ?? 'any' }, deps.clock.now());
      const locale = requestLocale(request);
      const definitions = await definitionsFor(
        deps.db,
        rows.map((row) => row.service_version_id),
      );
      return {
        cases: rows.map((row) => presentCaseSummary(row, definitions.get(row.service_version_id)!, locale)),
      };
    },
  );

  app.get(
    '/api/v1/cases/status',
    {
      config: { access: access.public() },
      schema: {
        tags,
        summary: 'Status of a case by tracking code and the applicant’s national ID, without signing in',
        querystring: StatusQuery,
        response: { 200: CaseResponse, ...errors(400, 404) },
      },
    },
    async (request) => publicCaseStatus(deps.db, { ...request.query, locale: requestLocale(request) }),
  );

  app.get(
    '/api/v1/cases/:id',
    {
      config: { access: access.sessionUser() },
      schema: {
        tags,
        summary: 'A case with its timeline, documents and the actions the viewer may take',
        params: CaseParams,
        response: { 200: CaseResponse, ...errors(401, 404) },
      },
    },
    async (request) => present(request, request.params.id),
  );

  app.patch(
    '/api/v1/cases/:id',
    {
      config: { access: { kind: 'principals', principals: ['citizen', 'office'] } },
      schema: {
        tags,
        summary: 'Save form answers of a draft, or the returned fields of a case sent back for correction',
        params: CaseParams,
        body: EditCaseBody,
        response: { 200: CaseResponse, ...errors(400, 401, 404, 409) },
      },
    },
    async (request) => {
      const principal = principalOf(request, 'citizen', 'office');
      await editCaseForm(deps, {
        principal,
        actor: actorOf(request),
        caseId: request.params.id,
        expectedVersion: request.body.version,
        formData: request.body.formData as Record<string, unknown>,
      });
      return present(request, request.params.id);
    },
  );

  app.post(
    '/api/v1/cases/:id/actions',
    {
      config: { access: { kind: 'principals', principals: ['citizen', 'office', 'staff'] } },
      schema: {
        tags,
        summary:
          'Take an action on a case (submit, resubmit, claim, request_correction, approve, refuse, …); 409 lists the allowed ones',
        params: CaseParams,
        body: ActionBody,
        response: { 200: CaseResponse, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const principal = principalOf(request, 'citizen', 'office', 'staff');
      const { action, version, ...input } = request.body;
      await actOnCase(deps, {
        principal,
        actor: actorOf(request),
        caseId: request.params.id,
        action,
        expectedVersion: version,
        input,
      });
      return present(request, request.params.id);
    },
  );
}
