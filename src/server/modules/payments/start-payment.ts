import { randomBytes } from 'node:crypto';
import { AppError, notFound } from '../../http/errors.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { lockBills } from '../dues/bill-repository.js';
import { quoteBills } from '../dues/quote.js';
import { GatewayUnavailableError } from './gateway/payment-gateway.js';
import { gatewayOf, type PaymentDeps } from './payment-deps.js';
import {
  insertEvent,
  insertItems,
  insertPayment,
  type PaymentRow,
  updatePayment,
} from './payment-repository.js';

export type Payer =
  | { kind: 'citizen'; userId: string; nationalId: string; mobile: string }
  | { kind: 'office'; userId: string; officeId: string; forNationalId: string }
  | { kind: 'anonymous' };

/**
 * Starts paying one or several open bills at once, at what they cost now (penalty or prize included): records the
 * payment and its items with the quoted amounts in one transaction, then asks the gateway for a token and returns
 * where to send the payer. The caller has already checked that the payer may pay these bills.
 */
export async function startPayment(
  deps: PaymentDeps,
  input: { municipalityId: string; billIds: string[]; payer: Payer; actor: Actor; description: string },
): Promise<{ payment: PaymentRow; redirectUrl: string }> {
  const gateway = gatewayOf(deps);
  const now = deps.clock.now();
  const ids = [...new Set(input.billIds)];
  const payment = await deps.db.transaction().execute(async (trx) => {
    const bills = await lockBills(trx, input.municipalityId, ids);
    if (bills.length !== ids.length) throw notFound('bill');
    const closed = bills.find((bill) => bill.state !== 'open');
    if (closed)
      throw new AppError(
        'bill_not_payable',
        { billId: closed.bill_id, state: closed.state },
        { billId: closed.bill_id },
      );
    const quotes = await quoteBills(trx, input.municipalityId, bills, now);
    const unquoted = bills.find((bill) => !quotes.has(bill.id));
    if (unquoted)
      throw new AppError(
        'bill_not_payable',
        { billId: unquoted.bill_id, state: 'not_due' },
        { billId: unquoted.bill_id },
      );
    const amount = bills.reduce((sum, bill) => sum + (quotes.get(bill.id)?.payableRials ?? 0n), 0n);
    const { payer } = input;
    const row = await insertPayment(trx, {
      municipality_id: input.municipalityId,
      state: 'created',
      amount_rials: amount.toString(),
      gateway: gateway.name,
      payer_kind: payer.kind,
      payer_user_id: payer.kind === 'anonymous' ? null : payer.userId,
      payer_office_id: payer.kind === 'office' ? payer.officeId : null,
      payer_national_id:
        payer.kind === 'citizen' ? payer.nationalId : payer.kind === 'office' ? payer.forNationalId : null,
      receipt_token: randomBytes(24).toString('base64url'),
      created_at: now,
      expires_at: new Date(now.getTime() + deps.timeoutMinutes * 60_000),
    });
    await insertItems(
      trx,
      bills.map((bill) => {
        const quote = quotes.get(bill.id)!;
        return {
          municipality_id: input.municipalityId,
          payment_id: row.id,
          bill_id: bill.id,
          principal_rials: quote.principalRials.toString(),
          penalty_rials: quote.penaltyRials.toString(),
          prize_rials: quote.prizeRials.toString(),
          amount_rials: quote.payableRials.toString(),
          amnesty_code: quote.amnestyCode,
        };
      }),
    );
    await insertEvent(trx, {
      municipalityId: input.municipalityId,
      paymentId: row.id,
      at: now,
      kind: 'created',
      details: { bills: bills.map((b) => b.bill_id), amountRials: amount.toString() },
    });
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'payment.started',
        entityType: 'payment',
        entityId: row.id,
        details: { bills: bills.map((b) => b.bill_id), amountRials: amount.toString(), payer: payer.kind },
      },
      now,
    );
    return row;
  });

  try {
    const token = await gateway.requestPayment({
      amountRials: BigInt(payment.amount_rials),
      callbackUrl: `${deps.callbackBase()}/api/v1/payments/${payment.id}/callback`,
      description: input.description,
      orderId: payment.id,
      ...(input.payer.kind === 'citizen' ? { mobile: input.payer.mobile } : {}),
    });
    await deps.db.transaction().execute(async (trx) => {
      await updatePayment(trx, payment.id, ['created'], { state: 'pending', authority: token.authority });
      await insertEvent(trx, {
        municipalityId: input.municipalityId,
        paymentId: payment.id,
        at: deps.clock.now(),
        kind: 'redirected',
        details: { authority: token.authority },
      });
    });
    return {
      payment: { ...payment, state: 'pending', authority: token.authority },
      redirectUrl: token.redirectUrl,
    };
  } catch (err) {
    if (!(err instanceof GatewayUnavailableError)) throw err;
    // No token was handed out, so nobody can have paid: the payment simply failed.
    await deps.db.transaction().execute(async (trx) => {
      await updatePayment(trx, payment.id, ['created'], {
        state: 'failed',
        failure_reason: 'gateway_request_failed',
        completed_at: deps.clock.now(),
      });
      await insertEvent(trx, {
        municipalityId: input.municipalityId,
        paymentId: payment.id,
        at: deps.clock.now(),
        kind: 'request_failed',
        details: { error: err.message },
      });
    });
    throw new AppError('payment_gateway_unavailable');
  }
}
