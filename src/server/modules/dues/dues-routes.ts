import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { access, principalOf } from '../../http/access.js';
import { notFound } from '../../http/errors.js';
import { errors, Uuid } from '../../http/schemas.js';
import { actorOf } from '../audit/actor-of.js';
import { recordAudit } from '../audit/record-audit.js';
import { findParcel } from '../parcels/repository.js';
import { startAssessment } from './assess-dues.js';
import { listAmnesties, listParcelFlags, listTariffs, replaceParcelFlags } from './dues-repository.js';
import { checkLedger } from './ledger/check-ledger.js';
import { BILL_READER_ROLES, FINANCE_ROLES } from './policies.js';
import { rials } from './presenter.js';
import { findRun, listRuns } from './run-repository.js';
import {
  AmnestyBody,
  AssessmentBody,
  AssessmentResponse,
  FlagsBody,
  TariffBody,
  YearParams,
} from './schema.js';
import { addAmnesty, setDuesTariff } from './tariffs.js';

const tags = ['dues'];

type RunRow = NonNullable<Awaited<ReturnType<typeof findRun>>>;

function presentRun(run: RunRow) {
  return {
    id: run.id,
    year: run.dues_year,
    state: run.state,
    parcelsTotal: run.parcels_total,
    parcelsDone: run.parcels_done,
    billsCreated: run.bills_created,
    exemptCount: run.exempt_count,
    totalRials: rials(run.total_rials),
    startedAt: run.started_at.toISOString(),
    finishedAt: run.finished_at?.toISOString() ?? null,
    lastError: run.last_error,
  };
}

/** Finance staff's side of renewal dues: tariffs, amnesties, parcel facts, assessment runs, the ledger check. */
export async function duesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  app.get(
    '/api/v1/dues/tariffs',
    {
      config: { access: access.staff(...BILL_READER_ROLES) },
      schema: {
        tags,
        summary: 'The renewal-dues tariffs, each in force from 1 Farvardin of its year',
        response: {
          200: Type.Object({
            tariffs: Type.Array(Type.Object({ id: Type.String(), year: Type.Integer(), tariff: TariffBody })),
          }),
          ...errors(401, 403),
        },
      },
    },
    async (request) => {
      const staff = principalOf(request, 'staff');
      const rows = await listTariffs(deps.db, staff.municipalityId);
      return { tariffs: rows.map((row) => ({ id: row.id, year: row.duesYear, tariff: row.tariff })) };
    },
  );

  app.put(
    '/api/v1/dues/tariffs/:year',
    {
      config: { access: access.staff(...FINANCE_ROLES) },
      schema: {
        tags,
        summary:
          'Set the tariff in force from 1 Farvardin of a year (refused once bills were assessed under it)',
        params: YearParams,
        body: TariffBody,
        response: { 200: Type.Object({ id: Type.String() }), ...errors(400, 401, 403, 409) },
      },
    },
    async (request) => {
      const staff = principalOf(request, 'staff');
      const id = await setDuesTariff(deps.db, {
        municipalityId: staff.municipalityId,
        duesYear: request.params.year,
        tariff: request.body,
        actor: actorOf(request),
        at: deps.clock.now(),
      });
      return { id };
    },
  );

  app.get(
    '/api/v1/dues/amnesties',
    {
      config: { access: access.staff(...BILL_READER_ROLES) },
      schema: {
        tags,
        summary: 'Amnesties (penalty waivers) as dated rules',
        response: {
          200: Type.Object({
            amnesties: Type.Array(
              Type.Object({
                id: Type.String(),
                code: Type.String(),
                title: Type.String(),
                resolutionNo: Type.String(),
                startsOn: Type.String(),
                endsOn: Type.String(),
                duesYearsUpTo: Type.Union([Type.Integer(), Type.Null()]),
                penaltyWaiverPct: Type.Integer(),
              }),
            ),
          }),
          ...errors(401, 403),
        },
      },
    },
    async (request) => {
      const staff = principalOf(request, 'staff');
      return { amnesties: await listAmnesties(deps.db, staff.municipalityId) };
    },
  );

  app.post(
    '/api/v1/dues/amnesties',
    {
      config: { access: access.staff(...FINANCE_ROLES) },
      schema: {
        tags,
        summary: 'Add an amnesty: between two dates, waive a share of the penalty on dues up to a year',
        body: AmnestyBody,
        response: { 201: Type.Object({ id: Type.String() }), ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const staff = principalOf(request, 'staff');
      const id = await addAmnesty(deps.db, {
        municipalityId: staff.municipalityId,
        amnesty: request.body,
        actor: actorOf(request),
        at: deps.clock.now(),
      });
      return reply.code(201).send({ id });
    },
  );

  app.put(
    '/api/v1/dues/parcels/:id/flags',
    {
      config: { access: access.staff(...FINANCE_ROLES) },
      schema: {
        tags,
        summary: "Set a parcel's facts that tariffs' adjustments and exemptions name (e.g. no_piped_water)",
        params: Type.Object({ id: Uuid }),
        body: FlagsBody,
        response: { 200: FlagsBody, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const staff = principalOf(request, 'staff');
      const parcel = await findParcel(deps.db, staff.municipalityId, request.params.id);
      if (!parcel) throw notFound('parcel');
      const actor = actorOf(request);
      await deps.db.transaction().execute(async (trx) => {
        await replaceParcelFlags(trx, staff.municipalityId, parcel.id, request.body.flags);
        await recordAudit(
          trx,
          actor,
          {
            action: 'dues.parcel_flags_set',
            entityType: 'parcel',
            entityId: parcel.id,
            details: request.body,
          },
          deps.clock.now(),
        );
      });
      return { flags: await listParcelFlags(deps.db, staff.municipalityId, parcel.id) };
    },
  );

  app.post(
    '/api/v1/dues/assessments',
    {
      config: { access: access.staff(...FINANCE_ROLES) },
      schema: {
        tags,
        summary:
          'Assess the renewal dues of every parcel for a year (a background job; starting it again resumes the same run)',
        body: AssessmentBody,
        response: { 202: AssessmentResponse, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const staff = principalOf(request, 'staff');
      const { run } = await startAssessment(deps.db, deps.clock, {
        municipalityId: staff.municipalityId,
        duesYear: request.body.year,
        actor: actorOf(request),
        enqueue: true,
      });
      return reply.code(202).send(presentRun(run));
    },
  );

  app.get(
    '/api/v1/dues/assessments',
    {
      config: { access: access.staff(...BILL_READER_ROLES) },
      schema: {
        tags,
        summary: 'Assessment runs, newest first',
        response: { 200: Type.Object({ runs: Type.Array(AssessmentResponse) }), ...errors(401, 403) },
      },
    },
    async (request) => {
      const staff = principalOf(request, 'staff');
      return { runs: (await listRuns(deps.db, staff.municipalityId)).map(presentRun) };
    },
  );

  app.get(
    '/api/v1/dues/assessments/:id',
    {
      config: { access: access.staff(...BILL_READER_ROLES) },
      schema: {
        tags,
        summary: "An assessment run's progress",
        params: Type.Object({ id: Uuid }),
        response: { 200: AssessmentResponse, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const staff = principalOf(request, 'staff');
      const run = await findRun(deps.db, staff.municipalityId, request.params.id);
      if (!run) throw notFound('assessment');
      return presentRun(run);
    },
  );

  app.get(
    '/api/v1/dues/ledger/check',
    {
      config: { access: access.staff(...BILL_READER_ROLES) },
      schema: {
        tags,
        summary:
          'Check the books: entries balance, accounts sum to zero, bills and payments match the ledger',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            trialBalanceRials: Type.Integer(),
            accounts: Type.Array(
              Type.Object({ account: Type.String(), balanceRials: Type.Integer(), lines: Type.Integer() }),
            ),
            problems: Type.Array(Type.String()),
          }),
          ...errors(401, 403),
        },
      },
    },
    async (request) => {
      const staff = principalOf(request, 'staff');
      const result = await checkLedger(deps.db, staff.municipalityId);
      return {
        ok: result.ok,
        trialBalanceRials: rials(result.trialBalanceRials),
        accounts: result.accounts.map((a) => ({ ...a, balanceRials: rials(a.balanceRials) })),
        problems: result.problems,
      };
    },
  );
}
