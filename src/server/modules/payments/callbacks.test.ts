import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../../../test/client.js';
import { checkLedger } from '../dues/ledger/check-ledger.js';
import { whatParcelOwes } from '../dues/parcel-debts.js';
import { startPaymentTestApp, TEST_PARCEL_DUES } from '../dues/test-support.js';
import {
  arrive,
  PAY_YEAR,
  type PaymentTestApp,
  payingCity,
  paymentEntries,
  paymentRow,
  runRefundJob,
  startPaying,
  waitForState,
} from './test-support.js';

let t: PaymentTestApp;
beforeAll(async () => {
  t = await startPaymentTestApp();
});
afterAll(() => t.close());

// 15 Khordad: the year's dues paid within the year earn the 10 % prize, rounded down to whole thousands.
const PAYABLE = TEST_PARCEL_DUES - 6_757_000;

async function booksBalance(municipalityId: string) {
  const check = await checkLedger(t.database.db, municipalityId);
  expect(check.problems).toEqual([]);
  return check;
}

describe('paying bills through the sandbox gateway (ZarinPal v4)', () => {
  it('a citizen pays two bills at once: bills paid, prize booked, nothing owed, a receipt', async () => {
    const s = await payingCity(t);
    const alice = await s.signIn(s.alice);
    const listed = await alice.get('/api/v1/bills');
    expect(listed.body.bills.map((b: { quote: { payableRials: number } }) => b.quote.payableRials)).toEqual([
      PAYABLE,
      PAYABLE,
    ]);
    const started = await startPaying(
      alice,
      s.aliceBills.map((b) => b.id),
    );
    expect(started.payment).toMatchObject({ state: 'pending', amountRials: 2 * PAYABLE });
    const page = await fetch(started.redirectUrl);
    expect(await page.text()).toContain('پرداخت');
    const back = await arrive(t, t.sandbox.pay(started.authority, 'pay') as string);
    expect(back.statusCode).toBe(303);
    expect(back.headers.location).toMatch(
      new RegExp(`^/payments/${started.payment.id}\\?token=.+&state=paid$`),
    );

    const payment = await alice.get(`/api/v1/payments/${started.payment.id}`);
    expect(payment.body).toMatchObject({
      state: 'paid',
      callbacks: 1,
      cardPan: expect.stringMatching(/\*{6}/),
    });
    expect(payment.body.refId).toMatch(/^\d+$/);
    for (const parcel of s.alice.parcels) {
      const owed = await whatParcelOwes(t.database.db, {
        municipalityId: s.municipality.id,
        parcelId: parcel.id,
        asOf: t.clock.now(),
      });
      expect(owed).toEqual({ totalRials: 0n, items: [] });
    }
    const history = await alice.get('/api/v1/payments');
    expect(history.body.payments.map((p: { id: string }) => p.id)).toEqual([started.payment.id]);
    const receipt = await alice.get(`/api/v1/payments/${started.payment.id}/receipt`);
    expect(receipt.status).toBe(200);
    expect(receipt.body).toMatchObject({
      amountRials: 2 * PAYABLE,
      totals: { principalRials: 2 * TEST_PARCEL_DUES, prizeRials: 2 * 6_757_000, penaltyRials: 0 },
      municipality: { code: s.municipality.code },
    });
    expect(receipt.body.items.map((i: { billId: string }) => i.billId)).toEqual(
      s.aliceBills.map((b) => b.bill_id),
    );
    const books = await booksBalance(s.municipality.id);
    const balance = (account: string) => books.accounts.find((a) => a.account === account)?.balanceRials;
    expect(balance('gateway_clearing')).toBe(BigInt(2 * PAYABLE));
    expect(balance('prize_discount')).toBe(2n * 6_757_000n);
  });

  it('the same callback arriving three times books the payment once', async () => {
    const s = await payingCity(t);
    const alice = await s.signIn(s.alice);
    const { payment, authority } = await startPaying(alice, [s.aliceBills[0].id]);
    const url = t.sandbox.pay(authority, 'pay') as string;
    const answers = await Promise.all([arrive(t, url), arrive(t, url), arrive(t, url)]);
    expect(answers.map((a) => a.statusCode)).toEqual([303, 303, 303]);
    const row = await paymentRow(t, payment.id);
    expect(row).toMatchObject({ state: 'paid', callbacks: 3 });
    expect(await paymentEntries(t, payment.id)).toHaveLength(1);
    await booksBalance(s.municipality.id);
  });

  it('a callback that says NOK after a successful payment is verified, not believed; an OK after it changes nothing', async () => {
    const s = await payingCity(t);
    const alice = await s.signIn(s.alice);
    const { payment, authority } = await startPaying(alice, [s.aliceBills[0].id]);
    const nok = t.sandbox.pay(authority, 'fail') as string;
    expect(nok).toContain('Status=NOK');
    await arrive(t, nok);
    expect((await paymentRow(t, payment.id)).state).toBe('paid');
    await arrive(t, nok.replace('Status=NOK', 'Status=OK'));
    expect(await paymentEntries(t, payment.id)).toHaveLength(1);
    await booksBalance(s.municipality.id);
  });

  it('a cancelled payment fails; a forged OK callback for it books nothing and the bill stays open', async () => {
    const s = await payingCity(t);
    const alice = await s.signIn(s.alice);
    const { payment, authority } = await startPaying(alice, [s.aliceBills[0].id]);
    const cancelled = t.sandbox.pay(authority, 'cancel') as string;
    await arrive(t, cancelled);
    expect(await paymentRow(t, payment.id)).toMatchObject({ state: 'failed', failure_reason: 'cancelled' });
    await arrive(t, cancelled.replace('Status=NOK', 'Status=OK'));
    expect((await paymentRow(t, payment.id)).state).toBe('failed');
    expect(await paymentEntries(t, payment.id)).toEqual([]);
    const bill = await alice.get(`/api/v1/bills/${s.aliceBills[0].id}`);
    expect(bill.body).toMatchObject({ state: 'open', quote: { payableRials: PAYABLE } });
    await booksBalance(s.municipality.id);
  });

  it('a callback arriving twice (once by the browser, once from the gateway) and one arriving late are each booked once', async () => {
    const s = await payingCity(t);
    const alice = await s.signIn(s.alice);
    const first = await startPaying(alice, [s.aliceBills[0].id]);
    await arrive(t, t.sandbox.pay(first.authority, 'twice') as string);
    const twice = await waitForState(t, first.payment.id, 'paid');
    const second = await startPaying(alice, [s.aliceBills[1].id]);
    expect(t.sandbox.pay(second.authority, 'late', 300)).toBeNull();
    expect((await paymentRow(t, second.payment.id)).state).toBe('pending');
    const late = await waitForState(t, second.payment.id, 'paid');
    expect(late.callbacks).toBe(1);
    // the gateway's own delivery of `twice` may still be on its way
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await paymentRow(t, first.payment.id)).callbacks).toBe(2);
    expect(twice.state).toBe('paid');
    expect(await paymentEntries(t, first.payment.id)).toHaveLength(1);
    expect(await paymentEntries(t, second.payment.id)).toHaveLength(1);
    await booksBalance(s.municipality.id);
  });

  it('a payment whose callback never arrives is settled by reconciliation, exactly once', async () => {
    const s = await payingCity(t);
    const alice = await s.signIn(s.alice);
    const { payment, authority } = await startPaying(alice, [s.aliceBills[0].id]);
    expect(t.sandbox.pay(authority, 'never')).toBeNull();
    t.clock.advance(2 * 60_000);
    const first = await s.finance.post('/api/v1/payments/reconcile');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ paid: 1 });
    const again = await s.finance.post('/api/v1/payments/reconcile');
    expect(again.body).toMatchObject({ paid: 0, checked: 0 });
    expect(await paymentRow(t, payment.id)).toMatchObject({ state: 'paid', callbacks: 0 });
    expect(await paymentEntries(t, payment.id)).toHaveLength(1);
    await booksBalance(s.municipality.id);
  });

  it('an abandoned payment stays pending until it expires, then fails; the bill stays payable', async () => {
    const s = await payingCity(t);
    const alice = await s.signIn(s.alice);
    const { payment } = await startPaying(alice, [s.aliceBills[0].id]);
    t.clock.advance(2 * 60_000);
    await s.finance.post('/api/v1/payments/reconcile');
    expect((await paymentRow(t, payment.id)).state).toBe('pending');
    t.clock.advance(20 * 60_000);
    const summary = await s.finance.post('/api/v1/payments/reconcile');
    expect(summary.body).toMatchObject({ failed: 1 });
    expect(await paymentRow(t, payment.id)).toMatchObject({ state: 'failed', failure_reason: 'expired' });
    expect((await alice.get(`/api/v1/bills/${s.aliceBills[0].id}`)).body.state).toBe('open');
  });

  it('a gateway that is down: starting is refused with nothing charged; a verify that fails is retried by reconciliation', async () => {
    const s = await payingCity(t);
    const alice = await s.signIn(s.alice);
    t.sandbox.failNextCalls(1);
    const refused = await alice.post('/api/v1/payments', { billIds: [s.aliceBills[0].id] });
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('payment_gateway_unavailable');
    const failed = await t.database.db
      .selectFrom('payments')
      .select(['state', 'failure_reason'])
      .where('municipality_id', '=', s.municipality.id)
      .execute();
    expect(failed).toEqual([{ state: 'failed', failure_reason: 'gateway_request_failed' }]);

    const { payment, authority } = await startPaying(alice, [s.aliceBills[0].id]);
    const url = t.sandbox.pay(authority, 'pay') as string;
    t.sandbox.failNextCalls(1);
    await arrive(t, url);
    expect((await paymentRow(t, payment.id)).state).toBe('pending');
    t.clock.advance(2 * 60_000);
    await s.finance.post('/api/v1/payments/reconcile');
    expect((await paymentRow(t, payment.id)).state).toBe('paid');
    await booksBalance(s.municipality.id);
  });

  it('a second payment for a bill already paid is held and reversed at the gateway, never applied', async () => {
    const s = await payingCity(t);
    const alice = await s.signIn(s.alice);
    const a = await startPaying(alice, [s.aliceBills[0].id]);
    const b = await startPaying(alice, [s.aliceBills[0].id]);
    const urlA = t.sandbox.pay(a.authority, 'pay') as string;
    const urlB = t.sandbox.pay(b.authority, 'pay') as string;
    await arrive(t, urlA);
    await arrive(t, urlB);
    expect((await paymentRow(t, a.payment.id)).state).toBe('paid');
    expect((await paymentRow(t, b.payment.id)).state).toBe('refund_pending');
    await runRefundJob(t, b.payment.id);
    expect((await paymentRow(t, b.payment.id)).state).toBe('refunded');
    expect(t.sandbox.state.get(b.authority)?.status).toBe('REVERSED');
    const mismatches = await s.finance.get('/api/v1/payments/mismatches');
    expect(mismatches.body.mismatches).toEqual([
      expect.objectContaining({ paymentId: b.payment.id, kind: 'bill_not_payable' }),
    ]);
    const resolved = await s.finance.post(
      `/api/v1/payments/mismatches/${mismatches.body.mismatches[0].id}/resolve`,
      { note: 'reversed by the gateway; payer told by SMS' },
    );
    expect(resolved.status).toBe(204);
    expect((await s.finance.get('/api/v1/payments/mismatches')).body.mismatches).toEqual([]);
    const books = await booksBalance(s.municipality.id);
    expect(books.accounts.find((x) => x.account === 'payer_refunds')?.balanceRials).toBe(0n);
    expect(books.accounts.find((x) => x.account === 'gateway_clearing')?.balanceRials).toBe(BigInt(PAYABLE));
  });

  it('a bill cancelled while its payment is under way: the payment is refunded', async () => {
    const s = await payingCity(t);
    const alice = await s.signIn(s.alice);
    const { payment, authority } = await startPaying(alice, [s.aliceBills[0].id]);
    const cancelled = await s.finance.post(`/api/v1/bills/${s.aliceBills[0].id}/cancel`, {
      reason: 'assessed twice',
    });
    expect(cancelled.body.state).toBe('cancelled');
    await arrive(t, t.sandbox.pay(authority, 'pay') as string);
    expect((await paymentRow(t, payment.id)).state).toBe('refund_pending');
    await runRefundJob(t, payment.id);
    expect((await paymentRow(t, payment.id)).state).toBe('refunded');
    await booksBalance(s.municipality.id);
  });

  it('anyone holding the bill ID and payment ID can look the bill up and pay it without signing in', async () => {
    const s = await payingCity(t);
    const alice = await s.signIn(s.alice);
    const bill = (await alice.get(`/api/v1/bills/${s.aliceBills[0].id}`)).body;
    const stranger = new TestClient(t.app);
    const query = `municipality=${s.municipality.code}&billId=${bill.billId}&paymentId=${bill.quote.paymentId}`;
    const found = await stranger.get(`/api/v1/bills/lookup?${query}`);
    expect(found.status).toBe(200);
    expect(found.body).toEqual({
      municipality: { code: s.municipality.code, name: expect.any(String) },
      billId: bill.billId,
      kind: 'renewal_dues',
      year: PAY_YEAR,
      state: 'open',
      dueOn: bill.dueOn,
      payableRials: PAYABLE,
      paymentId: bill.quote.paymentId,
      barcode: bill.quote.barcode,
    });
    const text = JSON.stringify(found.body);
    expect(text).not.toContain(s.alice.nationalId);
    expect(text).not.toContain(s.alice.parcels[0].renewal_code);

    const paid = await stranger.post('/api/v1/payments/by-bill-id', {
      municipality: s.municipality.code,
      billId: bill.billId,
      paymentId: bill.quote.paymentId,
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    const authority = new URL(paid.body.redirectUrl).pathname.split('/').at(-1) as string;
    const back = await arrive(t, t.sandbox.pay(authority, 'pay') as string);
    const location = new URL(back.headers.location as string, 'http://x');
    const token = location.searchParams.get('token');
    const receipt = await stranger.get(`/api/v1/payments/${paid.body.paymentId}/receipt?token=${token}`);
    expect(receipt.status).toBe(200);
    expect(receipt.body).toMatchObject({ state: 'paid', payer: { kind: 'anonymous', nationalId: null } });
    expect((await stranger.get(`/api/v1/payments/${paid.body.paymentId}/receipt`)).status).toBe(404);
    expect(
      (await stranger.get(`/api/v1/payments/${paid.body.paymentId}/receipt?token=x${token}`)).status,
    ).toBe(404);
    const settled = await stranger.get(`/api/v1/bills/lookup?${query}`);
    expect(settled.body).toMatchObject({ state: 'paid', payableRials: null, paymentId: null });
    await booksBalance(s.municipality.id);
  });

  it('refuses a payment ID with a wrong check digit (400) and one for another month (409, naming the current one)', async () => {
    const s = await payingCity(t);
    const alice = await s.signIn(s.alice);
    const bill = (await alice.get(`/api/v1/bills/${s.aliceBills[0].id}`)).body;
    const stranger = new TestClient(t.app);
    const pid: string = bill.quote.paymentId;
    const broken = `${pid.slice(0, -1)}${(Number(pid.at(-1)) + 1) % 10}`;
    const bad = await stranger.get(
      `/api/v1/bills/lookup?municipality=${s.municipality.code}&billId=${bill.billId}&paymentId=${broken}`,
    );
    expect(bad.status).toBe(400);
    const { paymentIdFor } = await import('../dues/quote.js');
    const lastMonth = paymentIdFor(bill.billId, BigInt(PAYABLE), { year: PAY_YEAR, month: 2 }) as string;
    const stale = await stranger.get(
      `/api/v1/bills/lookup?municipality=${s.municipality.code}&billId=${bill.billId}&paymentId=${lastMonth}`,
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'payment_id_outdated',
      details: { currentPaymentId: pid },
    });
  });
});
