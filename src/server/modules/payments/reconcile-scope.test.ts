import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPaymentTestApp } from '../dues/test-support.js';
import { type PaymentTestApp, payingCity, paymentRow, startPaying } from './test-support.js';

let t: PaymentTestApp;
beforeAll(async () => {
  t = await startPaymentTestApp();
});
afterAll(() => t.close());

describe("finance staff reconcile their own municipality's payments only", () => {
  it("another municipality's paid-but-unverified session is neither settled nor counted", async () => {
    const a = await payingCity(t);
    const b = await payingCity(t);
    const alice = await a.signIn(a.alice);
    const { payment, authority } = await startPaying(alice, [a.aliceBills[0].id]);
    expect(t.sandbox.pay(authority, 'never')).toBeNull();

    const other = await b.finance.post('/api/v1/payments/reconcile');
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ checked: 0, paid: 0, unverifiedAtGateway: 0, mismatches: 0 });
    expect((await paymentRow(t, payment.id)).state).toBe('pending');

    const own = await a.finance.post('/api/v1/payments/reconcile');
    expect(own.body).toMatchObject({ paid: 1, unverifiedAtGateway: 1 });
    expect((await paymentRow(t, payment.id)).state).toBe('paid');
  });
});
