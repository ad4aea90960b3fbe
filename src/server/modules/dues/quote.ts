import { makePaymentId } from '../../../shared/identifiers/bill.js';
import type { Db } from '../../db/schema.js';
import { type BillRow, municipalityTimeZone } from './bill-repository.js';
import { findTariffsById, listAmnesties } from './dues-repository.js';
import { receivableByBill } from './ledger/ledger-repository.js';
import { type Charges, chargesOn } from './rules/charges.js';
import { localDay } from './rules/dues-calendar.js';

const MAX_PAYMENT_ID_RIALS = 99_999_999_000n;

export interface Quote extends Charges {
  /** The payment ID (شناسه پرداخت) for exactly this payable amount, valid during this Jalali month. */
  paymentId: string | null;
  /** bill ID and payment ID, each zero-padded to 13 digits (§7.6). */
  barcode: string | null;
  day: string;
}

/**
 * The payment ID of an amount on a day: amount in thousands, the year's last digit and the Jalali month as the
 * period. Penalties and prizes change only when the month or year changes, so the ID stays valid for the month.
 */
export function paymentIdFor(billNumber: string, payableRials: bigint, day: { year: number; month: number }) {
  if (payableRials < 1000n || payableRials > MAX_PAYMENT_ID_RIALS) return null;
  return makePaymentId({
    amountRials: Number(payableRials),
    yearCode: day.year % 10,
    period: day.month,
    billId: billNumber,
  });
}

/**
 * What each bill costs on `asOf` (the municipality's calendar day of that instant): its outstanding principal
 * from the ledger (lines dated up to `asOf`), penalty or prize by its tariff, amnesties in force. Bills that owe
 * nothing on that day are left out.
 */
export async function quoteBills(
  db: Db,
  municipalityId: string,
  bills: readonly Pick<BillRow, 'id' | 'bill_id' | 'dues_year' | 'tariff_id'>[],
  asOf: Date,
): Promise<Map<string, Quote>> {
  const quotes = new Map<string, Quote>();
  if (bills.length === 0) return quotes;
  const balances = await receivableByBill(
    db,
    municipalityId,
    bills.map((bill) => bill.id),
    asOf,
  );
  const owing = bills.filter((bill) => (balances.get(bill.id) ?? 0n) > 0n);
  if (owing.length === 0) return quotes;
  const [tariffs, amnesties, timeZone] = await Promise.all([
    findTariffsById(db, municipalityId, [...new Set(owing.map((bill) => bill.tariff_id))]),
    listAmnesties(db, municipalityId),
    municipalityTimeZone(db, municipalityId),
  ]);
  const day = localDay(asOf, timeZone);
  for (const bill of owing) {
    const tariff = tariffs.get(bill.tariff_id);
    if (!tariff) throw new Error(`bill ${bill.id} names a tariff that does not exist`);
    const charges = chargesOn({
      principalRials: balances.get(bill.id) ?? 0n,
      duesYear: bill.dues_year,
      tariff: tariff.tariff,
      amnesties,
      day,
    });
    const paymentId = paymentIdFor(bill.bill_id, charges.payableRials, day.jalali);
    quotes.set(bill.id, {
      ...charges,
      paymentId,
      barcode: paymentId ? bill.bill_id.padStart(13, '0') + paymentId.padStart(13, '0') : null,
      day: day.iso,
    });
  }
  return quotes;
}
