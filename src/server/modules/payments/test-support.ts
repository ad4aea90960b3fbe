import { sql } from 'kysely';
import { expect } from 'vitest';
import type { TestClient } from '../../../../test/client.js';
import type { TestApp } from '../../../../test/harness.js';
import { jalaliToIso } from '../cases/calendar/jalali.js';
import { assessYear, duesCity, pathOf, setToday } from '../dues/test-support.js';
import { REFUND_JOB, refundPayment } from './refund-payment.js';
import type { ZarinpalSandbox } from './sandbox/zarinpal-sandbox.js';

export type PaymentTestApp = TestApp & { sandbox: ZarinpalSandbox };

/** The dues year payment tests bill. In the future: the test client drops cookies that expired in real time. */
export const PAY_YEAR = 1415;

/** A dues city on 15 Khordad of PAY_YEAR with that year's bills assessed: within the year, so the prize applies. */
export async function payingCity(t: PaymentTestApp) {
  setToday(t, jalaliToIso({ year: PAY_YEAR, month: 3, day: 15 }) as string);
  const s = await duesCity(t);
  await assessYear(t, s.municipality.id, PAY_YEAR);
  const billsOf = async (parcelIds: string[]) =>
    t.database.db
      .selectFrom('bills')
      .selectAll()
      .where('municipality_id', '=', s.municipality.id)
      .where('parcel_id', 'in', parcelIds)
      .orderBy('bill_id')
      .execute();
  const aliceBills = await billsOf(s.alice.parcels.map((p) => p.id));
  const bobBills = await billsOf(s.bob.parcels.map((p) => p.id));
  return { ...s, aliceBills, bobBills, finance: await s.staff(['finance']) };
}

/** Starts a payment through the API; returns it with the gateway authority from the redirect URL. */
export async function startPaying(client: TestClient, billIds: string[], nationalId?: string) {
  const response = await client.post('/api/v1/payments', { billIds, ...(nationalId ? { nationalId } : {}) });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  const authority = decodeURIComponent(
    new URL(response.body.redirectUrl).pathname.split('/').at(-1) as string,
  );
  return { payment: response.body.payment, redirectUrl: response.body.redirectUrl as string, authority };
}

/** The payer's browser arriving at our callback URL. */
export async function arrive(t: TestApp, callbackUrl: string) {
  return t.app.inject({ method: 'GET', url: pathOf(callbackUrl) });
}

export async function paymentRow(t: TestApp, id: string) {
  return t.database.db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function paymentEntries(t: TestApp, paymentId: string) {
  return t.database.db
    .selectFrom('ledger_entries')
    .select(['id', 'kind'])
    .where('payment_id', '=', paymentId)
    .orderBy('id')
    .execute();
}

/** Waits (up to `ms`) until the payment reaches a state, for callbacks that arrive on their own. */
export async function waitForState(t: TestApp, id: string, state: string, ms = 10_000) {
  const until = Date.now() + ms;
  for (;;) {
    const row = await paymentRow(t, id);
    if (row.state === state || Date.now() > until) return row;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Runs the refund job of a payment, after checking it was queued. Called directly rather than through the job
 * runner: on a shared PostgreSQL test database another test file's runner (with its own sandbox) could take it.
 */
export async function runRefundJob(t: PaymentTestApp, paymentId: string) {
  const job = await t.database.db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', REFUND_JOB)
    .where(sql<boolean>`payload->>'paymentId' = ${paymentId}`)
    .executeTakeFirst();
  expect(job, 'a refund job was queued').toBeDefined();
  await refundPayment(t.app.payments, paymentId);
}
