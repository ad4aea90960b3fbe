import type { Db } from '../../db/schema.js';

export async function municipalityTimeZone(db: Db, municipalityId: string): Promise<string> {
  const row = await db
    .selectFrom('municipalities')
    .select('timezone')
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  return row.timezone;
}

const BILL_COLUMNS = [
  'bills.id',
  'bills.municipality_id',
  'bills.parcel_id',
  'bills.kind',
  'bills.dues_year',
  'bills.bill_id',
  'bills.tariff_id',
  'bills.zone_code',
  'bills.land_use',
  'bills.land_area_m2',
  'bills.built_area_m2',
  'bills.land_value_rials',
  'bills.building_value_rials',
  'bills.adjustment_codes',
  'bills.exemption_code',
  'bills.principal_rials',
  'bills.state',
  'bills.accrues_on',
  'bills.due_on',
  'bills.paid_at',
  'bills.paid_by_payment_id',
  'bills.created_at',
  'parcels.renewal_code',
  'parcels.district_id',
] as const;

function billQuery(db: Db, municipalityId: string) {
  return db
    .selectFrom('bills')
    .innerJoin('parcels', 'parcels.id', 'bills.parcel_id')
    .select(BILL_COLUMNS)
    .where('bills.municipality_id', '=', municipalityId);
}

export type BillRow = Awaited<ReturnType<typeof findBill>> & {};

export function findBill(db: Db, municipalityId: string, id: string) {
  return billQuery(db, municipalityId).where('bills.id', '=', id).executeTakeFirst();
}

export function findBillByNumber(db: Db, municipalityId: string, billNumber: string) {
  return billQuery(db, municipalityId).where('bills.bill_id', '=', billNumber).executeTakeFirst();
}

export function listParcelBills(db: Db, municipalityId: string, parcelIds: readonly string[]) {
  if (parcelIds.length === 0) return Promise.resolve([]);
  return billQuery(db, municipalityId)
    .where('bills.parcel_id', 'in', parcelIds)
    .orderBy('bills.dues_year', 'desc')
    .orderBy('parcels.renewal_code')
    .execute();
}

/** Bills for finance staff: by year and state, in bill-number order, a page after `after`. */
export function listBillsPage(
  db: Db,
  municipalityId: string,
  filter: {
    year?: number;
    state?: string;
    parcelId?: string;
    districtId?: string | null;
    after?: string;
    limit: number;
  },
) {
  let query = billQuery(db, municipalityId);
  if (filter.year !== undefined) query = query.where('bills.dues_year', '=', filter.year);
  if (filter.state) query = query.where('bills.state', '=', filter.state as never);
  if (filter.parcelId) query = query.where('bills.parcel_id', '=', filter.parcelId);
  if (filter.districtId) query = query.where('parcels.district_id', '=', filter.districtId);
  if (filter.after) query = query.where('bills.bill_id', '>', filter.after);
  return query.orderBy('bills.bill_id').limit(filter.limit).execute();
}

/** Locks bills in a stable order (by id), so two payments touching the same bills never deadlock. */
export function lockBills(trx: Db, municipalityId: string, ids: readonly string[]) {
  return trx
    .selectFrom('bills')
    .select(['id', 'parcel_id', 'state', 'principal_rials', 'dues_year', 'bill_id', 'tariff_id'])
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', [...ids])
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function markBillsPaid(trx: Db, ids: readonly string[], paymentId: string, at: Date) {
  await trx
    .updateTable('bills')
    .set({ state: 'paid', paid_at: at, paid_by_payment_id: paymentId })
    .where('id', 'in', [...ids])
    .where('state', '=', 'open')
    .execute();
}

export async function markBillCancelled(trx: Db, id: string, reason: string, at: Date) {
  await trx
    .updateTable('bills')
    .set({ state: 'cancelled', cancelled_at: at, cancel_reason: reason })
    .where('id', '=', id)
    .execute();
}

/** Parcels owned (any share) by the person with this national ID. */
export async function parcelIdsOwnedBy(
  db: Db,
  municipalityId: string,
  nationalId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('ownerships')
    .innerJoin('owners', 'owners.id', 'ownerships.owner_id')
    .select('ownerships.parcel_id')
    .where('owners.municipality_id', '=', municipalityId)
    .where('owners.national_id', '=', nationalId)
    .execute();
  return rows.map((row) => row.parcel_id);
}

export function findParcelByRenewalCode(db: Db, municipalityId: string, renewalCode: string) {
  return db
    .selectFrom('parcels')
    .select(['id', 'district_id'])
    .where('municipality_id', '=', municipalityId)
    .where('renewal_code', '=', renewalCode)
    .executeTakeFirst();
}
