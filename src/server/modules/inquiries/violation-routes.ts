import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { access, principalOf } from '../../http/access.js';
import { errors } from '../../http/schemas.js';
import { actorOf } from '../audit/actor-of.js';
import { municipalityDay } from './parcel-record.js';
import {
  CloseViolationBody,
  ParcelParams,
  RecordViolationBody,
  Violation,
  ViolationList,
  ViolationParams,
} from './schema.js';
import type { ViolationRow } from './violation-repository.js';
import { closeParcelViolation, listViolations, recordViolation } from './violations.js';

const tags = ['inquiries'];

function presentViolation(row: ViolationRow, today: string) {
  return {
    id: row.id,
    parcelId: row.parcel_id,
    kind: row.kind,
    description: row.description,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    closeReason: row.close_reason,
    open: row.closed_on === null || row.closed_on > today,
  };
}

/** Building violations and Article 100 cases per parcel: district staff record, close and read them. */
export async function violationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;
  const today = async (municipalityId: string) =>
    (await municipalityDay(deps.db, municipalityId, deps.clock.now())).today;

  app.get(
    '/api/v1/parcels/:parcelId/violations',
    {
      config: { access: access.staff() },
      schema: {
        tags,
        summary: "A parcel's building violations and Article 100 cases (staff who may see its district)",
        params: ParcelParams,
        response: { 200: ViolationList, ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      const staff = principalOf(request, 'staff');
      const rows = await listViolations(deps.db, staff, request.params.parcelId);
      const day = await today(staff.municipalityId);
      return { violations: rows.map((row) => presentViolation(row, day)) };
    },
  );

  app.post(
    '/api/v1/parcels/:parcelId/violations',
    {
      config: { access: access.staff('expert', 'inspector', 'district_manager') },
      schema: {
        tags,
        summary:
          "Record a building violation or an Article 100 case (expert, inspector or manager of the parcel's district; audited)",
        params: ParcelParams,
        body: RecordViolationBody,
        response: { 201: Violation, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const staff = principalOf(request, 'staff');
      const row = await recordViolation(deps, {
        staff,
        actor: actorOf(request),
        parcelId: request.params.parcelId,
        kind: request.body.kind,
        description: request.body.description.trim(),
        openedOn: request.body.openedOn,
      });
      return reply.code(201).send(presentViolation(row, await today(staff.municipalityId)));
    },
  );

  app.post(
    '/api/v1/violations/:id/close',
    {
      config: { access: access.staff('expert', 'district_manager') },
      schema: {
        tags,
        summary:
          'Close a violation or Article 100 case with its date and reason (expert or district manager; audited)',
        params: ViolationParams,
        body: CloseViolationBody,
        response: { 200: Violation, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const staff = principalOf(request, 'staff');
      const row = await closeParcelViolation(deps, {
        staff,
        actor: actorOf(request),
        violationId: request.params.id,
        closedOn: request.body.closedOn,
        reason: request.body.reason.trim(),
      });
      return presentViolation(row, await today(staff.municipalityId));
    },
  );
}
