import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../../../test/client.js';
import { startPaymentTestApp } from '../dues/test-support.js';
import { arrive, type PaymentTestApp, payingCity, startPaying } from './test-support.js';

let t: PaymentTestApp;
beforeAll(async () => {
  t = await startPaymentTestApp();
});
afterAll(() => t.close());

describe('who may see and pay which bills and payments', () => {
  it("citizen A gets 404 for B's bill, B's parcel debts, paying B's bill, B's payment and its receipt", async () => {
    const s = await payingCity(t);
    const alice = await s.signIn(s.alice);
    const bob = await s.signIn(s.bob);
    const bobBill = s.bobBills[0].id;
    expect((await alice.get(`/api/v1/bills/${bobBill}`)).status).toBe(404);
    expect((await alice.get(`/api/v1/bills/owed?parcelId=${s.bob.parcels[0].id}`)).status).toBe(404);
    const paying = await alice.post('/api/v1/payments', { billIds: [bobBill] });
    expect(paying.status).toBe(404);
    expect(JSON.stringify(paying.body)).not.toContain(s.bobBills[0].bill_id);
    const mixed = await alice.post('/api/v1/payments', { billIds: [s.aliceBills[0].id, bobBill] });
    expect(mixed.status).toBe(404);
    const own = await alice.get('/api/v1/bills');
    expect(own.body.bills.map((b: { id: string }) => b.id).sort()).toEqual(
      s.aliceBills.map((b) => b.id).sort(),
    );

    const { payment, authority } = await startPaying(bob, [bobBill]);
    await arrive(t, t.sandbox.pay(authority, 'pay') as string);
    expect((await alice.get(`/api/v1/payments/${payment.id}`)).status).toBe(404);
    expect((await alice.get(`/api/v1/payments/${payment.id}/receipt`)).status).toBe(404);
    expect((await alice.get('/api/v1/payments')).body.payments).toEqual([]);
    expect((await bob.get(`/api/v1/payments/${payment.id}/receipt`)).status).toBe(200);
  });

  it('an office pays for the owner it names, and only for bills of that owner; the payment is in the owner’s history', async () => {
    const s = await payingCity(t);
    const office = await s.signInOffice();
    const withoutOwner = await office.get(`/api/v1/bills?renewalCode=${s.alice.parcels[0].renewal_code}`);
    expect(withoutOwner.status).toBe(400);
    const listed = await office.get(
      `/api/v1/bills?nationalId=${s.alice.nationalId}&renewalCode=${s.alice.parcels[0].renewal_code}`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.bills).toHaveLength(1);
    const wrongOwner = await office.get(
      `/api/v1/bills?nationalId=${s.alice.nationalId}&renewalCode=${s.bob.parcels[0].renewal_code}`,
    );
    expect(wrongOwner.status).toBe(404);
    const forBob = await office.post('/api/v1/payments', {
      billIds: [s.bobBills[0].id],
      nationalId: s.alice.nationalId,
    });
    expect(forBob.status).toBe(404);
    const { payment, authority } = await startPaying(office, [s.aliceBills[0].id], s.alice.nationalId);
    expect(payment.payer).toMatchObject({ kind: 'office', nationalId: s.alice.nationalId });
    await arrive(t, t.sandbox.pay(authority, 'pay') as string);
    const alice = await s.signIn(s.alice);
    expect((await alice.get('/api/v1/payments')).body.payments.map((p: { id: string }) => p.id)).toEqual([
      payment.id,
    ]);
    expect((await office.get(`/api/v1/payments/${payment.id}`)).status).toBe(200);
    const otherOffice = await s.staff(['clerk'], s.district2.id);
    expect((await otherOffice.get(`/api/v1/payments/${payment.id}`)).status).toBe(404);
  });

  it('district staff see their district’s bills only; finance sees all and alone runs money operations', async () => {
    const s = await payingCity(t);
    const clerk1 = await s.staff(['clerk'], s.district1.id);
    const clerk2 = await s.staff(['clerk'], s.district2.id);
    expect((await clerk1.get(`/api/v1/bills/${s.aliceBills[0].id}`)).status).toBe(200);
    expect((await clerk2.get(`/api/v1/bills/${s.aliceBills[0].id}`)).status).toBe(404);
    expect((await clerk2.get(`/api/v1/bills/owed?parcelId=${s.alice.parcels[0].id}`)).status).toBe(404);
    const district2 = await clerk2.get('/api/v1/bills');
    expect(district2.body.bills.map((b: { id: string }) => b.id)).toEqual(s.bobBills.map((b) => b.id));
    expect((await s.finance.get('/api/v1/bills')).body.bills).toHaveLength(3);

    for (const client of [clerk1, await s.signIn(s.alice)]) {
      expect(
        (await client.post(`/api/v1/bills/${s.aliceBills[0].id}/cancel`, { reason: 'not allowed' })).status,
      ).toBe(403);
      expect((await client.post('/api/v1/payments/reconcile')).status).toBe(403);
      expect((await client.get('/api/v1/payments/mismatches')).status).toBe(403);
      expect((await client.get('/api/v1/dues/ledger/check')).status).toBe(403);
      expect(
        (
          await client.request('PUT', `/api/v1/dues/parcels/${s.alice.parcels[0].id}/flags`, {
            flags: ['x1'],
          })
        ).status,
      ).toBe(403);
    }
    const check = await s.finance.get('/api/v1/dues/ledger/check');
    expect(check.body).toMatchObject({ ok: true, trialBalanceRials: 0 });
  });

  it('signed-out callers and institutions’ systems are refused', async () => {
    const s = await payingCity(t);
    const anonymous = new TestClient(t.app);
    expect((await anonymous.get('/api/v1/bills')).status).toBe(401);
    expect((await anonymous.get(`/api/v1/bills/${s.aliceBills[0].id}`)).status).toBe(401);
    expect((await anonymous.post('/api/v1/payments', { billIds: [s.aliceBills[0].id] })).status).toBe(401);
    expect((await anonymous.get('/api/v1/payments')).status).toBe(401);
    expect((await anonymous.post('/api/v1/payments/reconcile')).status).toBe(401);
    const unknown = await anonymous.get(
      `/api/v1/payments/${s.aliceBills[0].id}/callback?Authority=A${'0'.repeat(35)}&Status=OK`,
    );
    expect(unknown.status).toBe(404);
  });

  it('a callback naming another payment’s authority is a 404 and changes nothing', async () => {
    const s = await payingCity(t);
    const alice = await s.signIn(s.alice);
    const a = await startPaying(alice, [s.aliceBills[0].id]);
    const b = await startPaying(alice, [s.aliceBills[1].id]);
    t.sandbox.pay(a.authority, 'pay');
    const crossed = await t.app.inject({
      method: 'GET',
      url: `/api/v1/payments/${b.payment.id}/callback?Authority=${a.authority}&Status=OK`,
    });
    expect(crossed.statusCode).toBe(404);
    const rows = await t.database.db
      .selectFrom('payments')
      .select(['id', 'state'])
      .where('id', 'in', [a.payment.id, b.payment.id])
      .execute();
    expect(rows.map((r) => r.state)).toEqual(['pending', 'pending']);
  });

  it('documents the bills and payments API in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const paths = Object.keys(doc.paths);
    for (const path of [
      '/api/v1/bills',
      '/api/v1/bills/lookup',
      '/api/v1/bills/owed',
      '/api/v1/bills/{id}',
      '/api/v1/payments',
      '/api/v1/payments/by-bill-id',
      '/api/v1/payments/{id}/callback',
      '/api/v1/payments/{id}/receipt',
      '/api/v1/payments/{id}/receipt.pdf',
      '/api/v1/payments/{id}/outcome',
      '/api/v1/payments/reconcile',
      '/api/v1/payments/mismatches',
      '/api/v1/dues/assessments',
    ])
      expect(paths).toContain(path);
  });
});
