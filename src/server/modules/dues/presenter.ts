import type { BillRow } from './bill-repository.js';
import type { ParcelDebts } from './parcel-debts.js';
import type { Quote } from './quote.js';

/** Rials as a JSON number: every amount this module produces is far below 2^53. */
export function rials(value: bigint | string): number {
  const n = typeof value === 'bigint' ? value : BigInt(value);
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < -BigInt(Number.MAX_SAFE_INTEGER))
    throw new RangeError(`${n} rials does not fit a JSON number`);
  return Number(n);
}

export function presentQuote(quote: Quote | undefined) {
  if (!quote) return null;
  return {
    day: quote.day,
    principalRials: rials(quote.principalRials),
    penaltyRials: rials(quote.penaltyRials),
    prizeRials: rials(quote.prizeRials),
    payableRials: rials(quote.payableRials),
    monthsLate: quote.monthsLate,
    penaltyPct: quote.penaltyPct,
    amnestyCode: quote.amnestyCode,
    paymentId: quote.paymentId,
    barcode: quote.barcode,
  };
}

export function presentBill(bill: BillRow, quote: Quote | undefined) {
  return {
    id: bill.id,
    billId: bill.bill_id,
    kind: bill.kind,
    year: bill.dues_year,
    state: bill.state,
    parcel: { id: bill.parcel_id, renewalCode: bill.renewal_code },
    principalRials: rials(bill.principal_rials),
    accruesOn: bill.accrues_on,
    dueOn: bill.due_on,
    paidAt: bill.paid_at?.toISOString() ?? null,
    paidByPaymentId: bill.paid_by_payment_id,
    assessment: {
      zoneCode: bill.zone_code,
      landUse: bill.land_use,
      landAreaM2: Number(bill.land_area_m2),
      builtAreaM2: Number(bill.built_area_m2),
      landValueRials: rials(bill.land_value_rials),
      buildingValueRials: rials(bill.building_value_rials),
      adjustments: bill.adjustment_codes ?? [],
      exemption: bill.exemption_code,
    },
    /** What paying it today costs (null when nothing is owed). */
    quote: presentQuote(quote),
  };
}

export function presentDebts(parcelId: string, asOf: Date, debts: ParcelDebts) {
  return {
    parcelId,
    asOf: asOf.toISOString(),
    totalRials: rials(debts.totalRials),
    items: debts.items.map((item) => ({
      kind: item.kind,
      year: item.year,
      billId: item.billId,
      billRecordId: item.billRecordId,
      paymentId: item.paymentId,
      dueOn: item.dueOn,
      principalRials: rials(item.principalRials),
      penaltyRials: rials(item.penaltyRials),
      prizeRials: rials(item.prizeRials),
      payableRials: rials(item.payableRials),
      monthsLate: item.monthsLate,
      penaltyPct: item.penaltyPct,
      amnestyCode: item.amnestyCode,
    })),
  };
}
