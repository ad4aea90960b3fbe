import { type Insertable, sql, type Updateable } from 'kysely';
import type { Db, PaymentState, PaymentsTable } from '../../db/schema.js';

export type PaymentRow = Awaited<ReturnType<typeof findPayment>> & {};

export function findPayment(db: Db, municipalityId: string, id: string) {
  return db
    .selectFrom('payments')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A payment by id alone: the gateway's callback names no municipality. */
export function findPaymentAnywhere(db: Db, id: string) {
  return db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findPaymentByAuthority(db: Db, gateway: string, authority: string) {
  return db
    .selectFrom('payments')
    .selectAll()
    .where('gateway', '=', gateway)
    .where('authority', '=', authority)
    .executeTakeFirst();
}

export function lockPayment(trx: Db, id: string) {
  return trx.selectFrom('payments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertPayment(trx: Db, row: Insertable<PaymentsTable>) {
  return trx.insertInto('payments').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertItems(
  trx: Db,
  items: {
    municipality_id: string;
    payment_id: string;
    bill_id: string;
    principal_rials: string;
    penalty_rials: string;
    prize_rials: string;
    amount_rials: string;
    amnesty_code: string | null;
  }[],
) {
  await trx.insertInto('payment_items').values(items).execute();
}

export function listItems(db: Db, paymentIds: readonly string[]) {
  if (paymentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('payment_items')
    .innerJoin('bills', 'bills.id', 'payment_items.bill_id')
    .innerJoin('parcels', 'parcels.id', 'bills.parcel_id')
    .select([
      'payment_items.payment_id',
      'payment_items.bill_id',
      'payment_items.principal_rials',
      'payment_items.penalty_rials',
      'payment_items.prize_rials',
      'payment_items.amount_rials',
      'payment_items.amnesty_code',
      'bills.bill_id as bill_number',
      'bills.kind',
      'bills.dues_year',
      'bills.parcel_id',
      'bills.state as bill_state',
      'parcels.renewal_code',
      'parcels.address',
      'parcels.district_id',
    ])
    .where('payment_items.payment_id', 'in', [...paymentIds])
    .orderBy('bills.dues_year')
    .orderBy('bills.bill_id')
    .execute();
}

/** Moves a payment on, from one of the states it may leave. Returns whether it moved (false: someone else did). */
export async function updatePayment(
  trx: Db,
  id: string,
  from: readonly PaymentState[],
  change: Updateable<PaymentsTable>,
): Promise<boolean> {
  const result = await trx
    .updateTable('payments')
    .set(change)
    .where('id', '=', id)
    .where('state', 'in', [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function countCallback(db: Db, id: string): Promise<void> {
  await db.updateTable('payments').set({ callbacks: sql`callbacks + 1` }).where('id', '=', id).execute();
}

export async function insertEvent(
  db: Db,
  event: {
    municipalityId: string;
    paymentId: string;
    at: Date;
    kind: string;
    details?: Record<string, unknown>;
  },
) {
  await db
    .insertInto('payment_events')
    .values({
      municipality_id: event.municipalityId,
      payment_id: event.paymentId,
      at: event.at,
      kind: event.kind,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}

export function listEvents(db: Db, paymentId: string) {
  return db
    .selectFrom('payment_events')
    .select(['at', 'kind', 'details'])
    .where('payment_id', '=', paymentId)
    .orderBy('id')
    .execute();
}

/** Payments not yet final and older than `before`: what reconciliation looks at. */
export function listOpenPayments(db: Db, before: Date, limit: number, municipalityId?: string) {
  let query = db.selectFrom('payments').selectAll();
  if (municipalityId) query = query.where('municipality_id', '=', municipalityId);
  return query
    .where('state', 'in', ['created', 'pending', 'refund_pending'])
    .where('created_at', '<', before)
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

export function listPayments(
  db: Db,
  municipalityId: string,
  filter: { nationalId?: string; officeId?: string; state?: PaymentState; limit: number },
) {
  let query = db.selectFrom('payments').selectAll().where('municipality_id', '=', municipalityId);
  if (filter.nationalId) query = query.where('payer_national_id', '=', filter.nationalId);
  if (filter.officeId) query = query.where('payer_office_id', '=', filter.officeId);
  if (filter.state) query = query.where('state', '=', filter.state);
  return query.orderBy('created_at', 'desc').limit(filter.limit).execute();
}

/** Records a mismatch once per payment (or authority) and kind; returns whether it is new. */
export async function flagMismatch(
  db: Db,
  input: {
    municipalityId: string;
    paymentId: string | null;
    authority: string | null;
    kind: string;
    details: Record<string, unknown>;
    at: Date;
  },
): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    INSERT INTO payment_mismatches (municipality_id, payment_id, gateway_authority, kind, details, found_at)
    VALUES (${input.municipalityId}, ${input.paymentId}, ${input.authority}, ${input.kind},
      ${JSON.stringify(input.details)}::jsonb, ${input.at})
    ON CONFLICT DO NOTHING
    RETURNING id`.execute(db);
  return rows.length > 0;
}

export function listMismatches(db: Db, municipalityId: string, open: boolean) {
  let query = db.selectFrom('payment_mismatches').selectAll().where('municipality_id', '=', municipalityId);
  if (open) query = query.where('resolved_at', 'is', null);
  return query.orderBy('found_at', 'desc').limit(200).execute();
}

export async function resolveMismatch(
  trx: Db,
  input: { municipalityId: string; id: string; by: string; note: string; at: Date },
): Promise<boolean> {
  const result = await trx
    .updateTable('payment_mismatches')
    .set({ resolved_at: input.at, resolved_by: input.by, resolution_note: input.note })
    .where('municipality_id', '=', input.municipalityId)
    .where('id', '=', input.id)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
