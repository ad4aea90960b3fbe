import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { normalizeNationalId } from '../../../shared/identifiers/index.js';
import { access, principalOf } from '../../http/access.js';
import { invalidField, notFound } from '../../http/errors.js';
import type { Principal } from '../../http/principal.js';
import { errors, Uuid } from '../../http/schemas.js';
import { resolveMunicipality } from '../accounts/resolve-municipality.js';
import { actorOf } from '../audit/actor-of.js';
import { zonedInstant } from '../cases/calendar/zoned-time.js';
import { staffDistrictScope } from '../parcels/policies.js';
import { findParcel } from '../parcels/repository.js';
import {
  findParcelByRenewalCode,
  listBillsPage,
  listParcelBills,
  municipalityTimeZone,
  parcelIdsOwnedBy,
} from './bill-repository.js';
import { cancelBill } from './cancel-bill.js';
import { lookupBillByIds } from './lookup-bill.js';
import { whatParcelOwes } from './parcel-debts.js';
import { FINANCE_ROLES, loadVisibleBill, maySeeParcelDebts } from './policies.js';
import { presentBill, presentDebts, rials } from './presenter.js';
import { quoteBills } from './quote.js';
import {
  BillResponse,
  BillsQuery,
  CancelBody,
  DebtsQuery,
  DebtsResponse,
  LookupQuery,
  LookupResponse,
} from './schema.js';

const tags = ['bills'];
const IdParams = Type.Object({ id: Uuid });
const ActingFor = Type.Object({ nationalId: Type.Optional(Type.String({ maxLength: 20 })) });

/** The owner an office says it acts for (`nationalId`), normalised; null for everyone else. */
function actingFor(principal: Principal, nationalId: string | undefined): string | null {
  if (principal.kind !== 'office') return null;
  const id = nationalId ? normalizeNationalId(nationalId) : null;
  if (!id) throw invalidField('nationalId', 'national_id');
  return id;
}

export async function billRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  app.get(
    '/api/v1/bills',
    {
      config: { access: access.sessionUser() },
      schema: {
        tags,
        summary:
          "Bills with what each costs today: a citizen's own parcels, an office's citizen (nationalId + renewalCode or parcelId), or staff's district / municipality",
        querystring: BillsQuery,
        response: { 200: Type.Object({ bills: Type.Array(BillResponse) }), ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = principalOf(request, 'citizen', 'office', 'staff');
      const q = request.query;
      const m = principal.municipalityId;
      let rows: Awaited<ReturnType<typeof listParcelBills>>;
      if (principal.kind === 'staff') {
        rows = await listBillsPage(deps.db, m, {
          year: q.year,
          state: q.state,
          parcelId: q.parcelId,
          districtId: staffDistrictScope(principal),
          after: q.after,
          limit: q.limit ?? 100,
        });
      } else {
        let parcelIds: string[];
        if (principal.kind === 'citizen') {
          parcelIds = await parcelIdsOwnedBy(deps.db, m, principal.nationalId);
        } else {
          const owner = actingFor(principal, q.nationalId) as string;
          const parcel = q.parcelId
            ? await findParcel(deps.db, m, q.parcelId)
            : q.renewalCode
              ? await findParcelByRenewalCode(deps.db, m, q.renewalCode)
              : undefined;
          if (!parcel) throw notFound('parcel');
          parcelIds = (await parcelIdsOwnedBy(deps.db, m, owner)).filter((id) => id === parcel.id);
          if (parcelIds.length === 0) throw notFound('parcel');
        }
        if (q.parcelId) parcelIds = parcelIds.filter((id) => id === q.parcelId);
        rows = (await listParcelBills(deps.db, m, parcelIds)).filter(
          (bill) =>
            (q.year === undefined || bill.dues_year === q.year) && (!q.state || bill.state === q.state),
        );
      }
      const quotes = await quoteBills(deps.db, m, rows, deps.clock.now());
      return { bills: rows.map((bill) => presentBill(bill, quotes.get(bill.id))) };
    },
  );

  app.get(
    '/api/v1/bills/lookup',
    {
      config: { access: access.public() },
      schema: {
        tags,
        summary: 'Find a bill by bill ID + payment ID alone (no sign-in): only what a payer needs',
        querystring: LookupQuery,
        response: { 200: LookupResponse, ...errors(400, 404, 409) },
      },
    },
    async (request) => {
      const q = request.query;
      const municipality = await resolveMunicipality(
        deps.db,
        q.municipality,
        deps.config.defaultMunicipality,
      );
      const { bill, quote } = await lookupBillByIds(deps.db, {
        municipalityId: municipality.id,
        billId: q.billId,
        paymentId: q.paymentId,
        asOf: deps.clock.now(),
      });
      const names = await deps.db
        .selectFrom('municipalities')
        .select('name_fa')
        .where('id', '=', municipality.id)
        .executeTakeFirstOrThrow();
      return {
        municipality: { code: municipality.code, name: names.name_fa },
        billId: bill.bill_id,
        kind: bill.kind,
        year: bill.dues_year,
        state: quote ? 'open' : bill.state,
        dueOn: bill.due_on,
        payableRials: quote ? rials(quote.payableRials) : null,
        paymentId: quote?.paymentId ?? null,
        barcode: quote?.barcode ?? null,
      };
    },
  );

  app.get(
    '/api/v1/bills/owed',
    {
      config: { access: access.sessionUser() },
      schema: {
        tags,
        summary: 'What a parcel owes on a day, item by item, from the ledger (whatParcelOwes)',
        querystring: DebtsQuery,
        response: { 200: DebtsResponse, ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const principal = principalOf(request, 'citizen', 'office', 'staff');
      const parcel = await findParcel(deps.db, principal.municipalityId, request.query.parcelId);
      const owner = actingFor(principal, request.query.nationalId);
      if (!parcel || !(await maySeeParcelDebts(deps.db, principal, parcel, owner))) throw notFound('parcel');
      // A day means its end in the municipality's own time: everything dated that day counts.
      const asOf = request.query.asOf
        ? new Date(
            zonedInstant(
              request.query.asOf,
              24 * 60,
              await municipalityTimeZone(deps.db, principal.municipalityId),
            ) - 1,
          )
        : deps.clock.now();
      const debts = await whatParcelOwes(deps.db, {
        municipalityId: principal.municipalityId,
        parcelId: parcel.id,
        asOf,
      });
      return presentDebts(parcel.id, asOf, debts);
    },
  );

  app.get(
    '/api/v1/bills/:id',
    {
      config: { access: access.sessionUser() },
      schema: {
        tags,
        summary: 'One bill with its assessment and what paying it today costs',
        params: IdParams,
        querystring: ActingFor,
        response: { 200: BillResponse, ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const principal = principalOf(request, 'citizen', 'office', 'staff');
      const owner = actingFor(principal, request.query.nationalId);
      const bill = await loadVisibleBill(deps.db, principal, request.params.id, owner);
      const quotes = await quoteBills(deps.db, principal.municipalityId, [bill], deps.clock.now());
      return presentBill(bill, quotes.get(bill.id));
    },
  );

  app.post(
    '/api/v1/bills/:id/cancel',
    {
      config: { access: access.staff(...FINANCE_ROLES) },
      schema: {
        tags,
        summary: 'Cancel an open bill assessed in error (a reversing ledger entry); finance staff',
        params: IdParams,
        body: CancelBody,
        response: { 200: BillResponse, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const staff = principalOf(request, 'staff');
      const bill = await loadVisibleBill(deps.db, staff, request.params.id, null);
      await cancelBill(deps.db, deps.clock, {
        municipalityId: staff.municipalityId,
        billId: bill.id,
        reason: request.body.reason,
        actor: actorOf(request),
      });
      const after = await loadVisibleBill(deps.db, staff, bill.id, null);
      return presentBill(after, undefined);
    },
  );
}
