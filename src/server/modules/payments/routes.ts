import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { normalizeNationalId } from '../../../shared/identifiers/index.js';
import { access, principalOf } from '../../http/access.js';
import { invalidField, notFound } from '../../http/errors.js';
import { errors, Uuid } from '../../http/schemas.js';
import { resolveMunicipality } from '../accounts/resolve-municipality.js';
import { type Actor, systemActor } from '../audit/actor.js';
import { actorOf } from '../audit/actor-of.js';
import { parcelIdsOwnedBy } from '../dues/bill-repository.js';
import { lookupBillByIds } from '../dues/lookup-bill.js';
import { BILL_READER_ROLES } from '../dues/policies.js';
import { handleCallback } from './handle-callback.js';
import type { PaymentDeps } from './payment-deps.js';
import { listItems, listPayments } from './payment-repository.js';
import { loadVisiblePayment } from './policies.js';
import { presentOutcome, presentPayment } from './presenter.js';
import { loadPaymentForPayer, readReceipt } from './read-receipt.js';
import { renderReceiptPdf } from './receipt-pdf.js';
import {
  ByBillIdBody,
  CallbackQuery,
  ListQuery,
  OutcomeResponse,
  PaymentResponse,
  ReceiptPdfQuery,
  ReceiptResponse,
  StartBody,
  StartedResponse,
  TokenQuery,
} from './schema.js';
import { startPayment } from './start-payment.js';

const tags = ['payments'];
const IdParams = Type.Object({ id: Uuid });

declare module 'fastify' {
  interface FastifyInstance {
    payments: PaymentDeps;
  }
}

export async function paymentRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;
  const payments = fastify.payments;
  const describe = (bills: number) => `عوارض شهرداری — ${bills} قبض`;

  async function withItems(payment: Awaited<ReturnType<typeof loadVisiblePayment>>) {
    return presentPayment(payment, await listItems(deps.db, [payment.id]));
  }

  app.post(
    '/api/v1/payments',
    {
      config: { access: { kind: 'principals', principals: ['citizen', 'office'] } },
      schema: {
        tags,
        summary:
          'Pay one or several bills at once: a citizen their own, an office for the owner it names (nationalId)',
        body: StartBody,
        response: { 201: StartedResponse, ...errors(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request, 'citizen', 'office');
      const m = principal.municipalityId;
      let ownerId: string;
      if (principal.kind === 'citizen') ownerId = principal.nationalId;
      else {
        const id = request.body.nationalId ? normalizeNationalId(request.body.nationalId) : null;
        if (!id) throw invalidField('nationalId', 'national_id');
        ownerId = id;
      }
      const owned = new Set(await parcelIdsOwnedBy(deps.db, m, ownerId));
      const bills = await deps.db
        .selectFrom('bills')
        .select(['id', 'parcel_id'])
        .where('municipality_id', '=', m)
        .where('id', 'in', request.body.billIds)
        .execute();
      if (bills.length !== request.body.billIds.length || bills.some((b) => !owned.has(b.parcel_id)))
        throw notFound('bill');
      const started = await startPayment(payments, {
        municipalityId: m,
        billIds: request.body.billIds,
        payer:
          principal.kind === 'citizen'
            ? {
                kind: 'citizen',
                userId: principal.userId,
                nationalId: principal.nationalId,
                mobile: principal.mobile,
              }
            : {
                kind: 'office',
                userId: principal.userId,
                officeId: principal.officeId,
                forNationalId: ownerId,
              },
        actor: actorOf(request),
        description: describe(bills.length),
      });
      return reply
        .code(201)
        .send({ payment: await withItems(started.payment), redirectUrl: started.redirectUrl });
    },
  );

  app.post(
    '/api/v1/payments/by-bill-id',
    {
      config: { access: access.public() },
      schema: {
        tags,
        summary: 'Pay a bill by its bill ID and current payment ID alone, without signing in',
        body: ByBillIdBody,
        response: {
          201: Type.Object({
            paymentId: Type.String(),
            amountRials: Type.Integer(),
            redirectUrl: Type.String(),
          }),
          ...errors(400, 404, 409, 503),
        },
      },
    },
    async (request, reply) => {
      const municipality = await resolveMunicipality(
        deps.db,
        request.body.municipality,
        deps.config.defaultMunicipality,
      );
      const { bill } = await lookupBillByIds(deps.db, {
        municipalityId: municipality.id,
        billId: request.body.billId,
        paymentId: request.body.paymentId,
        asOf: deps.clock.now(),
      });
      const actor: Actor = { ...systemActor(municipality.id), kind: 'anonymous', ip: request.ip ?? null };
      const started = await startPayment(payments, {
        municipalityId: municipality.id,
        billIds: [bill.id],
        payer: { kind: 'anonymous' },
        actor,
        description: describe(1),
      });
      return reply.code(201).send({
        paymentId: started.payment.id,
        amountRials: Number(started.payment.amount_rials),
        redirectUrl: started.redirectUrl,
      });
    },
  );

  app.get(
    '/api/v1/payments/:id/callback',
    {
      config: { access: access.public() },
      schema: {
        tags,
        summary:
          "The gateway's return address (?Authority=&Status=); idempotent; redirects to the result page",
        params: IdParams,
        querystring: CallbackQuery,
        response: { 303: Type.Null(), ...errors(400, 404) },
      },
    },
    async (request, reply) => {
      const payment = await handleCallback(payments, {
        paymentId: request.params.id,
        authority: request.query.Authority,
        status: request.query.Status,
      });
      return reply.redirect(
        `/payments/${payment.id}?token=${encodeURIComponent(payment.receipt_token)}&state=${payment.state}`,
        303,
      );
    },
  );

  app.get(
    '/api/v1/payments',
    {
      config: { access: access.sessionUser() },
      schema: {
        tags,
        summary: "Payments: a citizen's own (and those paid for them), an office's, or all for finance staff",
        querystring: ListQuery,
        response: { 200: Type.Object({ payments: Type.Array(PaymentResponse) }), ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      const principal = principalOf(request, 'citizen', 'office', 'staff');
      const limit = request.query.limit ?? 50;
      const filter =
        principal.kind === 'citizen'
          ? { nationalId: principal.nationalId }
          : principal.kind === 'office'
            ? { officeId: principal.officeId }
            : {};
      if (
        principal.kind === 'staff' &&
        !principal.roles.some((r) => (BILL_READER_ROLES as readonly string[]).includes(r))
      )
        return { payments: [] };
      const rows = await listPayments(deps.db, principal.municipalityId, {
        ...filter,
        state: request.query.state,
        limit,
      });
      const items = await listItems(
        deps.db,
        rows.map((row) => row.id),
      );
      return { payments: rows.map((row) => presentPayment(row, items)) };
    },
  );

  app.get(
    '/api/v1/payments/:id',
    {
      config: { access: access.sessionUser() },
      schema: {
        tags,
        summary: 'One payment with its bills',
        params: IdParams,
        response: { 200: PaymentResponse, ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const principal = principalOf(request, 'citizen', 'office', 'staff');
      return withItems(await loadVisiblePayment(deps.db, principal, request.params.id));
    },
  );

  app.get(
    '/api/v1/payments/:id/outcome',
    {
      config: { access: access.public() },
      schema: {
        tags,
        summary:
          "Where a payment stands (the payer's result page): for who may see it, or with the receipt token from the redirect",
        params: IdParams,
        querystring: TokenQuery,
        response: { 200: OutcomeResponse, ...errors(400, 404) },
      },
    },
    async (request, reply) => {
      const payment = await loadPaymentForPayer(deps.db, {
        paymentId: request.params.id,
        principal: request.principal,
        token: request.query.token,
      });
      reply.header('cache-control', 'private, no-store');
      return presentOutcome(payment, await listItems(deps.db, [payment.id]));
    },
  );

  app.get(
    '/api/v1/payments/:id/receipt',
    {
      config: { access: access.public() },
      schema: {
        tags,
        summary:
          "A completed payment's receipt (everything the PDF shows): for who may see the payment, or with the receipt token from the payer's redirect",
        params: IdParams,
        querystring: TokenQuery,
        response: { 200: ReceiptResponse, ...errors(400, 404) },
      },
    },
    async (request) =>
      readReceipt(deps.db, {
        paymentId: request.params.id,
        principal: request.principal,
        token: request.query.token,
      }),
  );

  app.get(
    '/api/v1/payments/:id/receipt.pdf',
    {
      config: { access: access.public() },
      schema: {
        tags,
        summary: 'The receipt as PDF (fa, en or vi), for the same readers as the receipt',
        params: IdParams,
        querystring: ReceiptPdfQuery,
        produces: ['application/pdf'],
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'application/pdf' }),
          ...errors(400, 404),
        },
      },
    },
    async (request, reply) => {
      const receipt = await readReceipt(deps.db, {
        paymentId: request.params.id,
        principal: request.principal,
        token: request.query.token,
      });
      const lang = request.query.lang ?? 'fa';
      const pdf = await renderReceiptPdf(receipt, lang);
      const name = `receipt-${receipt.receiptNo ?? receipt.paymentId}-${lang}.pdf`;
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
}
