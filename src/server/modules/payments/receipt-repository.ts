import type { Db } from '../../db/schema.js';

/** The ledger entry that booked a payment: its number is the receipt's own number. */
export async function paymentEntryNumber(db: Db, municipalityId: string, paymentId: string) {
  const row = await db
    .selectFrom('ledger_entries')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('payment_id', '=', paymentId)
    .where('kind', '=', 'payment')
    .orderBy('id')
    .executeTakeFirst();
  return row ? String(row.id) : null;
}

export function findMunicipalityNames(db: Db, municipalityId: string) {
  return db
    .selectFrom('municipalities')
    .select(['code', 'name_fa', 'name_en', 'name_vi', 'timezone'])
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
}

/** The plates of the parcels a receipt names. */
export function listReceiptParcels(db: Db, municipalityId: string, parcelIds: readonly string[]) {
  if (parcelIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('parcels')
    .select(['id', 'renewal_code', 'registration_section', 'main_plate', 'sub_plates', 'unit_no', 'address'])
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', [...parcelIds])
    .execute();
}

/** Who a payment names as payer, by name: the citizen who paid, the owner an office paid for, the office. */
export async function payerNames(
  db: Db,
  municipalityId: string,
  payer: { userId: string | null; nationalId: string | null; officeId: string | null },
) {
  const [user, owner, office] = await Promise.all([
    payer.userId
      ? db
          .selectFrom('users')
          .select('full_name')
          .where('municipality_id', '=', municipalityId)
          .where('id', '=', payer.userId)
          .executeTakeFirst()
      : undefined,
    payer.nationalId
      ? db
          .selectFrom('owners')
          .select('name')
          .where('municipality_id', '=', municipalityId)
          .where('national_id', '=', payer.nationalId)
          .executeTakeFirst()
      : undefined,
    payer.officeId
      ? db
          .selectFrom('offices')
          .select('name')
          .where('municipality_id', '=', municipalityId)
          .where('id', '=', payer.officeId)
          .executeTakeFirst()
      : undefined,
  ]);
  return {
    userName: user?.full_name ?? null,
    ownerName: owner?.name ?? null,
    officeName: office?.name ?? null,
  };
}
