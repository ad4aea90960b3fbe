import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildCity, buildParcel } from '../../../../test/factories.js';
import type { TestApp } from '../../../../test/harness.js';
import { startTestApp } from '../../../../test/harness.js';
import type { Db } from '../../db/schema.js';
import { assessYear, duesCity } from './test-support.js';

// Bills and ledger lines check what they name once per statement (migration 0026, ADR 0014) instead of through
// row-level foreign keys: these tests hold the same guarantees a foreign key gave.

const onPostgres = Boolean(inject('postgresUrl'));

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

let serial = 0;
/** Writes a copy of an assessed bill for another parcel, tariff or year, as any writer of bills could. */
function copyBill(db: Db, from: string, change: { parcelId?: string; tariffId?: string; year: number }) {
  serial += 1;
  return sql`
    INSERT INTO bills (municipality_id, parcel_id, kind, dues_year, bill_id, tariff_id, land_use, land_area_m2,
      built_area_m2, land_value_rials, building_value_rials, principal_rials, state, accrues_on, due_on)
    SELECT municipality_id, coalesce(${change.parcelId ?? null}::uuid, parcel_id), kind, ${change.year}::int,
      ${String(987_000_000 + serial * 97 + Math.floor(Math.random() * 90))}, coalesce(${change.tariffId ?? null}::uuid, tariff_id),
      land_use, land_area_m2, built_area_m2, land_value_rials, building_value_rials, principal_rials, state,
      accrues_on, due_on
    FROM bills WHERE id = ${from}::uuid`.execute(db);
}

async function assessedCity() {
  const s = await duesCity(t);
  await assessYear(t, s.municipality.id, 1404);
  const bill = await t.database.db
    .selectFrom('bills')
    .selectAll()
    .where('municipality_id', '=', s.municipality.id)
    .where('state', '=', 'open')
    .executeTakeFirstOrThrow();
  return { s, bill };
}

describe('what bills and ledger lines name must exist (checked per statement)', () => {
  it('refuses a bill for a missing parcel, another municipality’s parcel, or a missing tariff', async () => {
    const { s, bill } = await assessedCity();
    const other = await buildCity(t.database.db);
    const foreign = await buildParcel(t.database.db, {
      municipalityId: other.municipality.id,
      districtId: other.district1.id,
    });
    const fresh = await buildParcel(t.database.db, {
      municipalityId: s.municipality.id,
      districtId: s.district1.id,
    });
    const db = t.database.db;
    await expect(copyBill(db, bill.id, { parcelId: foreign.id, year: 1450 })).rejects.toMatchObject({
      code: '23503',
      message: expect.stringMatching(/names parcel .* does not exist in its municipality/),
    });
    await expect(
      copyBill(db, bill.id, { parcelId: '00000000-0000-4000-8000-000000000000', year: 1450 }),
    ).rejects.toMatchObject({ code: '23503' });
    await expect(
      copyBill(db, bill.id, { tariffId: '00000000-0000-4000-8000-000000000000', year: 1450 }),
    ).rejects.toMatchObject({ code: '23503', message: expect.stringMatching(/names tariff/) });
    // The same statement shape with a real parcel of the municipality is accepted: the check is not refusing all.
    await copyBill(db, bill.id, { parcelId: fresh.id, year: 1450 });
    const written = await db
      .selectFrom('bills')
      .select('parcel_id')
      .where('municipality_id', '=', s.municipality.id)
      .where('dues_year', '=', 1450)
      .execute();
    expect(written).toEqual([{ parcel_id: fresh.id }]);
  });

  it('keeps billed parcels and tariffs, and a bill’s parcel and tariff never change', async () => {
    const { s, bill } = await assessedCity();
    const db = t.database.db;
    await expect(db.deleteFrom('parcels').where('id', '=', bill.parcel_id).execute()).rejects.toMatchObject({
      code: '23503',
    });
    await expect(
      db.deleteFrom('dues_tariffs').where('id', '=', bill.tariff_id).execute(),
    ).rejects.toMatchObject({ code: '23503' });
    const otherParcel = await buildParcel(db, {
      municipalityId: s.municipality.id,
      districtId: s.district1.id,
    });
    await expect(
      db.updateTable('bills').set({ parcel_id: otherParcel.id }).where('id', '=', bill.id).execute(),
    ).rejects.toMatchObject({ code: '23503' });
    // An unbilled parcel is not held back, and ordinary edits of a billed parcel go through.
    await db.deleteFrom('parcels').where('id', '=', otherParcel.id).execute();
    await db.updateTable('parcels').set({ address: 'نشانی تازه' }).where('id', '=', bill.parcel_id).execute();
    const kept = await db
      .selectFrom('bills')
      .select(['parcel_id', 'tariff_id'])
      .where('id', '=', bill.id)
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({ parcel_id: bill.parcel_id, tariff_id: bill.tariff_id });
  });

  it('payment items name bills, and paid bills payments, of their own municipality; neither is deleted then', async () => {
    const { s, bill } = await assessedCity();
    const other = await assessedCity();
    const db = t.database.db;
    const payment = await db
      .insertInto('payments')
      .values({
        municipality_id: s.municipality.id,
        state: 'created',
        amount_rials: bill.principal_rials,
        gateway: 'zarinpal',
        payer_kind: 'anonymous',
        receipt_token: `token-${bill.id}`,
        created_at: new Date(),
        expires_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const item = (billId: string) => ({
      municipality_id: s.municipality.id,
      payment_id: payment.id,
      bill_id: billId,
      principal_rials: bill.principal_rials,
      penalty_rials: '0',
      prize_rials: '0',
      amount_rials: bill.principal_rials,
      amnesty_code: null,
    });
    for (const missing of [other.bill.id, '00000000-0000-4000-8000-000000000000'])
      await expect(db.insertInto('payment_items').values(item(missing)).execute()).rejects.toMatchObject({
        code: '23503',
        message: expect.stringMatching(/names bill .* does not exist in its municipality/),
      });
    await db.insertInto('payment_items').values(item(bill.id)).execute();
    await expect(db.deleteFrom('bills').where('id', '=', bill.id).execute()).rejects.toMatchObject({
      code: '23503',
    });
    const paid = (paymentId: string) =>
      db
        .updateTable('bills')
        .set({ state: 'paid', paid_at: new Date(), paid_by_payment_id: paymentId })
        .where('id', '=', bill.id)
        .execute();
    await expect(paid('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: '23503' });
    await expect(
      db.updateTable('bills').set({ paid_by_payment_id: null }).where('id', '=', other.bill.id).execute(),
    ).resolves.toBeDefined();
    await paid(payment.id);
    await expect(db.deleteFrom('payments').where('id', '=', payment.id).execute()).rejects.toMatchObject({
      code: '23503',
    });
    expect(
      await db
        .selectFrom('bills')
        .select('paid_by_payment_id')
        .where('id', '=', bill.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ paid_by_payment_id: payment.id });
  });

  it('refuses ledger lines of an entry that does not exist, and emptying the entries', async () => {
    const { s } = await assessedCity();
    const db = t.database.db;
    const line = (entryId: string, amount: string) => ({
      municipality_id: s.municipality.id,
      entry_id: entryId,
      account: 'dues_revenue' as const,
      amount_rials: amount,
      at: new Date(),
    });
    await expect(
      db
        .insertInto('ledger_lines')
        .values([line('999999999', '5000'), line('999999999', '-5000')])
        .execute(),
    ).rejects.toMatchObject({
      code: '23503',
      message: expect.stringMatching(/entry 999999999 does not exist/),
    });
    // In a transaction that never commits, so that a failure here could not empty a shared test database.
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`SET LOCAL lock_timeout = '10s'`.execute(trx);
        await sql`TRUNCATE ledger_entries CASCADE`.execute(trx);
        throw new Error('TRUNCATE was not refused');
      }),
    ).rejects.toThrow(/append-only/);
  });

  it.skipIf(!onPostgres)(
    'a parcel deleted while a bill naming it is written: whichever commits second fails (PostgreSQL)',
    async () => {
      const { s, bill } = await assessedCity();
      const db = t.database.db;
      const waitingOnGuard = async () => {
        for (;;) {
          const { rows } = await sql<{ n: number }>`
            SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND classid = 5026 AND NOT granted`.execute(
            db,
          );
          if (rows[0].n > 0) return;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      };
      const outcome = (work: Promise<unknown>) =>
        work.then(
          () => 'committed',
          (err: { code?: string }) => err.code ?? String(err),
        );

      // The delete first: the bill's check waits for it, then finds the parcel gone.
      const doomed = await buildParcel(db, { municipalityId: s.municipality.id, districtId: s.district1.id });
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let deleted = () => {};
      const deletedYet = new Promise<void>((resolve) => {
        deleted = resolve;
      });
      const deleter = outcome(
        db.transaction().execute(async (trx) => {
          await trx.deleteFrom('parcels').where('id', '=', doomed.id).execute();
          deleted();
          await held;
        }),
      );
      await deletedYet;
      const writer = outcome(copyBill(db, bill.id, { parcelId: doomed.id, year: 1451 }));
      await waitingOnGuard();
      release();
      expect([await deleter, await writer]).toEqual(['committed', '23503']);

      // The bill first: the delete waits for it, then finds the bill.
      const kept = await buildParcel(db, { municipalityId: s.municipality.id, districtId: s.district1.id });
      let releaseWriter = () => {};
      const writerHeld = new Promise<void>((resolve) => {
        releaseWriter = resolve;
      });
      let written = () => {};
      const writtenYet = new Promise<void>((resolve) => {
        written = resolve;
      });
      const writer2 = outcome(
        db.transaction().execute(async (trx) => {
          await copyBill(trx, bill.id, { parcelId: kept.id, year: 1452 });
          written();
          await writerHeld;
        }),
      );
      await writtenYet;
      const deleter2 = outcome(db.deleteFrom('parcels').where('id', '=', kept.id).execute());
      await waitingOnGuard();
      releaseWriter();
      expect([await writer2, await deleter2]).toEqual(['committed', '23503']);
    },
  );
});
