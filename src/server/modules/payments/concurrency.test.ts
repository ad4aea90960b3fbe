import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkLedger } from '../dues/ledger/check-ledger.js';
import { startPaymentTestApp } from '../dues/test-support.js';
import { type PaymentTestApp, payingCity, paymentRow, runRefundJob, startPaying } from './test-support.js';

const onPostgres = Boolean(inject('postgresUrl'));
if (!onPostgres)
  console.info(
    'concurrency.test.ts: skipped on PGlite: it is one session, so two payment transactions can never overlap there',
  );

let t: PaymentTestApp;
beforeAll(async () => {
  t = await startPaymentTestApp();
});
afterAll(() => t.close());

describe('two payments for the same bill at once (PostgreSQL)', () => {
  it.skipIf(!onPostgres)(
    'one is applied, the other is held and reversed, never both; five rounds',
    async () => {
      for (let round = 0; round < 5; round++) {
        const s = await payingCity(t);
        const alice = await s.signIn(s.alice);
        const bill = s.aliceBills[0];
        const a = await startPaying(alice, [bill.id]);
        const b = await startPaying(alice, [bill.id]);
        const urls = [t.sandbox.pay(a.authority, 'pay'), t.sandbox.pay(b.authority, 'pay')] as string[];
        // Both payers come back at the same moment, over real HTTP, on separate database connections.
        const answers = await Promise.all(urls.map((url) => fetch(url, { redirect: 'manual' })));
        expect(answers.map((r) => r.status)).toEqual([303, 303]);
        const states = [(await paymentRow(t, a.payment.id)).state, (await paymentRow(t, b.payment.id)).state];
        expect(states.sort()).toEqual(['paid', 'refund_pending']);
        for (const id of [a.payment.id, b.payment.id])
          if ((await paymentRow(t, id)).state === 'refund_pending') await runRefundJob(t, id);
        const rows = [await paymentRow(t, a.payment.id), await paymentRow(t, b.payment.id)];
        expect(rows.map((r) => r.state).sort()).toEqual(['paid', 'refunded']);
        const winner = rows.find((r) => r.state === 'paid');
        const stored = await t.database.db
          .selectFrom('bills')
          .select(['state', 'paid_by_payment_id'])
          .where('id', '=', bill.id)
          .executeTakeFirstOrThrow();
        expect(stored).toEqual({ state: 'paid', paid_by_payment_id: winner?.id });
        expect((await checkLedger(t.database.db, s.municipality.id)).problems).toEqual([]);
      }
    },
  );
});
