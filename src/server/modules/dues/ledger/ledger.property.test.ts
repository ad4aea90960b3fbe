import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportLedgers } from '../../../../cli/commands/ledger.js';
import { systemActor } from '../../audit/actor.js';
import { jalaliToIso } from '../../cases/calendar/jalali.js';
import { handleCallback } from '../../payments/handle-callback.js';
import { reconcilePayments } from '../../payments/reconcile-payments.js';
import { refundPayment } from '../../payments/refund-payment.js';
import type { Outcome } from '../../payments/sandbox/sandbox-state.js';
import { startPayment } from '../../payments/start-payment.js';
import type { PaymentTestApp } from '../../payments/test-support.js';
import { cancelBill } from '../cancel-bill.js';
import { whatParcelOwes } from '../parcel-debts.js';
import { assessYear, duesCity, setToday, startPaymentTestApp } from '../test-support.js';
import { checkLedger } from './check-ledger.js';

let t: PaymentTestApp;
beforeAll(async () => {
  t = await startPaymentTestApp();
});
afterAll(() => t.close());

type Op =
  | { op: 'assess'; year: number }
  | { op: 'pay'; bills: number[]; outcome: Outcome; extraCallbacks: number }
  | { op: 'cancel'; bill: number }
  | { op: 'time'; days: number }
  | { op: 'reconcile' }
  | { op: 'jobs' };

const ops: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('assess' as const), year: fc.constantFrom(1413, 1414) }),
  fc.record({
    op: fc.constant('pay' as const),
    bills: fc.uniqueArray(fc.nat(5), { minLength: 1, maxLength: 3 }),
    outcome: fc.constantFrom<Outcome>('pay', 'pay', 'fail', 'cancel', 'never'),
    extraCallbacks: fc.nat(2),
  }),
  fc.record({ op: fc.constant('cancel' as const), bill: fc.nat(5) }),
  fc.record({ op: fc.constant('time' as const), days: fc.integer({ min: 1, max: 200 }) }),
  fc.constant({ op: 'reconcile' as const }),
  fc.constant({ op: 'jobs' as const }),
);

describe('the ledger always balances (fast-check over charges, payments, prizes, penalties, refunds, reversals)', () => {
  it('after any sequence of operations every check holds and what parcels owe agrees with the bills', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .array(ops, { minLength: 3, maxLength: 12 })
          .map((rest) => [{ op: 'assess', year: 1413 } as Op, ...rest]),
        async (sequence) => {
          setToday(t, jalaliToIso({ year: 1414, month: 6, day: 1 }) as string);
          const s = await duesCity(t);
          const m = s.municipality.id;
          const actor = systemActor(m);
          const bills = async () =>
            t.database.db
              .selectFrom('bills')
              .selectAll()
              .where('municipality_id', '=', m)
              .orderBy('bill_id')
              .execute();
          for (const step of sequence) {
            if (step.op === 'assess') await assessYear(t, m, step.year, 2);
            else if (step.op === 'time') t.clock.advance(step.days * 86_400_000);
            else if (step.op === 'reconcile') {
              t.clock.advance(61_000);
              await reconcilePayments(t.app.payments, { municipalityId: m });
            } else if (step.op === 'jobs') {
              // What the refund jobs do, run here: another test file's runner may share the jobs table on PostgreSQL.
              const held = await t.database.db
                .selectFrom('payments')
                .select('id')
                .where('municipality_id', '=', m)
                .where('state', '=', 'refund_pending')
                .execute();
              for (const payment of held) await refundPayment(t.app.payments, payment.id);
            } else if (step.op === 'cancel') {
              const bill = (await bills()).filter((b) => b.state === 'open')[step.bill];
              if (bill)
                await cancelBill(t.database.db, t.clock, {
                  municipalityId: m,
                  billId: bill.id,
                  reason: 'test',
                  actor,
                });
            } else {
              const open = (await bills()).filter((b) => b.state === 'open');
              const chosen = step.bills.map((i) => open[i]).filter((b) => b !== undefined);
              if (chosen.length === 0) continue;
              const started = await startPayment(t.app.payments, {
                municipalityId: m,
                billIds: chosen.map((b) => b.id),
                payer: { kind: 'anonymous' },
                actor,
                description: 'property test',
              }).catch(() => null);
              if (!started?.payment.authority) continue;
              const url = t.sandbox.pay(started.payment.authority, step.outcome);
              if (!url) continue;
              const query = new URL(url).searchParams;
              for (let i = 0; i <= step.extraCallbacks; i++)
                await handleCallback(t.app.payments, {
                  paymentId: started.payment.id,
                  authority: query.get('Authority') as string,
                  status: query.get('Status') as string,
                });
            }
          }
          const check = await checkLedger(t.database.db, m);
          expect(check.problems).toEqual([]);
          expect(check.trialBalanceRials).toBe(0n);
          // What the parcels owe today is exactly the open bills, each once.
          const open = (await bills()).filter((b) => b.state === 'open');
          let owedItems = 0;
          for (const parcel of [...s.alice.parcels, ...s.bob.parcels]) {
            const owed = await whatParcelOwes(t.database.db, {
              municipalityId: m,
              parcelId: parcel.id,
              asOf: t.clock.now(),
            });
            owedItems += owed.items.length;
            expect(owed.totalRials).toBe(owed.items.reduce((sum, item) => sum + item.payableRials, 0n));
          }
          expect(owedItems).toBe(open.length);
        },
      ),
      { numRuns: 25 },
    );
  }, 300_000);

  it('the check command reports an entry that does not balance and exits 2', async () => {
    const s = await duesCity(t);
    await assessYear(t, s.municipality.id, 1414);
    // Only this city's books: on PostgreSQL other test files share the database, with payments in flight.
    const code = s.municipality.code;
    const lines: string[] = [];
    expect(await reportLedgers(t.database.db, (line) => lines.push(line), code)).toBe(0);
    expect(lines.filter((line) => /^(ok|UNBALANCED)/.test(line))).toEqual([
      expect.stringMatching(`^ok +${code}:`),
    ]);
    // Tamper the way only someone bypassing the application could: the trigger is off inside this transaction.
    await t.database.db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE ledger_lines DISABLE TRIGGER ledger_lines_balanced`.execute(trx);
      const entry = await trx
        .insertInto('ledger_entries')
        .values({ municipality_id: s.municipality.id, kind: 'charge', at: new Date(), memo: 'tampered' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('ledger_lines')
        .values({
          municipality_id: s.municipality.id,
          entry_id: entry.id,
          account: 'dues_revenue',
          amount_rials: '-5000',
          at: new Date(),
        })
        .execute();
      await sql`ALTER TABLE ledger_lines ENABLE TRIGGER ledger_lines_balanced`.execute(trx);
    });
    const after: string[] = [];
    expect(await reportLedgers(t.database.db, (line) => after.push(line), code)).toBe(2);
    expect(after.join('\n')).toMatch(/UNBALANCED .*trial balance -5,000 rials/);
    expect(after.join('\n')).toContain('does not balance');
  });

  it('the database refuses an unbalanced entry and any edit of the ledger', async () => {
    const s = await duesCity(t);
    await assessYear(t, s.municipality.id, 1414);
    const db = t.database.db;
    const entry = await db
      .insertInto('ledger_entries')
      .values({ municipality_id: s.municipality.id, kind: 'charge', at: new Date(), memo: 'half' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(
      db
        .insertInto('ledger_lines')
        .values({
          municipality_id: s.municipality.id,
          entry_id: entry.id,
          account: 'dues_revenue',
          amount_rials: '-1',
          at: new Date(),
        })
        .execute(),
    ).rejects.toThrow(/does not balance/);
    await expect(
      db
        .updateTable('ledger_lines')
        .set({ amount_rials: '1' })
        .where('municipality_id', '=', s.municipality.id)
        .execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('ledger_entries').where('id', '=', entry.id).execute()).rejects.toThrow(
      /append-only/,
    );
  });
});
