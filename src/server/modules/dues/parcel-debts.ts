import type { Db } from '../../db/schema.js';
import { listParcelBills } from './bill-repository.js';
import { quoteBills } from './quote.js';

/** One thing a parcel owes on a day. */
export interface ParcelDebtItem {
  /** What is owed: 'renewal_dues' (more kinds as other bills arrive). */
  kind: string;
  /** The Jalali year the dues are for. */
  year: number | null;
  /** The bill ID (شناسه قبض) to pay it by. */
  billId: string | null;
  principalRials: bigint;
  penaltyRials: bigint;
  prizeRials: bigint;
  /** principal + penalty − prize: what paying it on that day costs. */
  payableRials: bigint;
  /** The bill's record id (for /api/v1/bills/{id} and payments). */
  billRecordId: string;
  /** The payment ID (شناسه پرداخت) for exactly payableRials, valid in that Jalali month. */
  paymentId: string | null;
  dueOn: string;
  monthsLate: number;
  penaltyPct: number;
  amnestyCode: string | null;
}

export interface ParcelDebts {
  totalRials: bigint;
  items: ParcelDebtItem[];
}

/**
 * What a parcel owes the municipality as of an instant, item by item: every bill with a positive balance in the
 * ledger on that day (payments and cancellations dated later do not count), with the penalty, prize and amnesty
 * that apply on the municipality's calendar day of `asOf`. Nothing owed → totalRials 0n and no items.
 * This is the one function other modules (inquiry responses, clearance certificates) ask; they read nothing else.
 */
export async function whatParcelOwes(
  db: Db,
  input: { municipalityId: string; parcelId: string; asOf: Date },
): Promise<ParcelDebts> {
  const bills = await listParcelBills(db, input.municipalityId, [input.parcelId]);
  const quotes = await quoteBills(db, input.municipalityId, bills, input.asOf);
  const items: ParcelDebtItem[] = [];
  for (const bill of [...bills].sort((a, b) => a.dues_year - b.dues_year)) {
    const quote = quotes.get(bill.id);
    if (!quote) continue;
    items.push({
      kind: bill.kind,
      year: bill.dues_year,
      billId: bill.bill_id,
      principalRials: quote.principalRials,
      penaltyRials: quote.penaltyRials,
      prizeRials: quote.prizeRials,
      payableRials: quote.payableRials,
      billRecordId: bill.id,
      paymentId: quote.paymentId,
      dueOn: bill.due_on,
      monthsLate: quote.monthsLate,
      penaltyPct: quote.penaltyPct,
      amnestyCode: quote.amnestyCode,
    });
  }
  return { totalRials: items.reduce((sum, item) => sum + item.payableRials, 0n), items };
}
