import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { access, principalOf } from '../../http/access.js';
import { AppError, notFound } from '../../http/errors.js';
import { errors, Uuid } from '../../http/schemas.js';
import { actorOf } from '../audit/actor-of.js';
import { recordAudit } from '../audit/record-audit.js';
import { BILL_READER_ROLES, FINANCE_ROLES } from '../dues/policies.js';
import { listItems, listMismatches, resolveMismatch } from './payment-repository.js';
import { loadVisiblePayment } from './policies.js';
import { presentPayment } from './presenter.js';
import { reconcilePayments } from './reconcile-payments.js';
import { recordRefund } from './refund-payment.js';
import { MismatchResponse, NoteBody, PaymentResponse, ReconcileResponse } from './schema.js';

const tags = ['payments'];
const IdParams = Type.Object({ id: Uuid });

/** Finance staff's side of payments: reconciliation, the mismatches it leaves, refunds made by hand. */
export async function paymentFinanceRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;
  const payments = fastify.payments;

  async function withItems(payment: Awaited<ReturnType<typeof loadVisiblePayment>>) {
    return presentPayment(payment, await listItems(deps.db, [payment.id]));
  }

  app.get(
    '/api/v1/payments/mismatches',
    {
      config: { access: access.staff(...BILL_READER_ROLES) },
      schema: {
        tags,
        summary: 'What reconciliation could not settle by itself, for finance staff',
        querystring: Type.Object({ open: Type.Optional(Type.Boolean({ default: true })) }),
        response: { 200: Type.Object({ mismatches: Type.Array(MismatchResponse) }), ...errors(401, 403) },
      },
    },
    async (request) => {
      const staff = principalOf(request, 'staff');
      const rows = await listMismatches(deps.db, staff.municipalityId, request.query.open ?? true);
      return {
        mismatches: rows.map((row) => ({
          id: row.id,
          paymentId: row.payment_id,
          authority: row.gateway_authority,
          kind: row.kind,
          details: row.details,
          foundAt: row.found_at.toISOString(),
          resolvedAt: row.resolved_at?.toISOString() ?? null,
          resolutionNote: row.resolution_note,
        })),
      };
    },
  );

  app.post(
    '/api/v1/payments/mismatches/:id/resolve',
    {
      config: { access: access.staff(...FINANCE_ROLES) },
      schema: {
        tags,
        summary: 'Mark a mismatch as dealt with, saying how',
        params: IdParams,
        body: NoteBody,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const staff = principalOf(request, 'staff');
      const actor = actorOf(request);
      const done = await deps.db.transaction().execute(async (trx) => {
        const resolved = await resolveMismatch(trx, {
          municipalityId: staff.municipalityId,
          id: request.params.id,
          by: staff.userId,
          note: request.body.note,
          at: deps.clock.now(),
        });
        if (resolved)
          await recordAudit(
            trx,
            actor,
            {
              action: 'payment.mismatch_resolved',
              entityType: 'payment_mismatch',
              entityId: request.params.id,
              details: { note: request.body.note },
            },
            deps.clock.now(),
          );
        return resolved;
      });
      if (!done) throw notFound('mismatch');
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/payments/reconcile',
    {
      config: { access: access.staff(...FINANCE_ROLES) },
      schema: {
        tags,
        summary: 'Reconcile now: settle payments whose callback never came by asking the gateway',
        response: { 200: ReconcileResponse, ...errors(401, 403) },
      },
    },
    async (request) =>
      reconcilePayments(payments, { municipalityId: principalOf(request, 'staff').municipalityId }),
  );

  app.post(
    '/api/v1/payments/:id/refunded',
    {
      config: { access: access.staff(...FINANCE_ROLES) },
      schema: {
        tags,
        summary: 'Record that finance refunded a payment the gateway could no longer reverse',
        params: IdParams,
        body: NoteBody,
        response: { 200: PaymentResponse, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const staff = principalOf(request, 'staff');
      const payment = await loadVisiblePayment(deps.db, staff, request.params.id);
      const recorded = await recordRefund(payments, {
        paymentId: payment.id,
        actor: actorOf(request),
        how: 'finance',
        note: request.body.note,
      });
      if (!recorded) throw new AppError('conflict');
      return withItems(await loadVisiblePayment(deps.db, staff, payment.id));
    },
  );
}
