import { rials } from '../dues/presenter.js';
import type { listItems, PaymentRow } from './payment-repository.js';

type ItemRow = Awaited<ReturnType<typeof listItems>>[number];

const jalaliFormats = new Map<string, Intl.DateTimeFormat>();

/** A moment as Persian readers write it, on the Jalali calendar in the municipality's own time zone. */
function jalaliDateTime(at: Date, timeZone: string): string {
  let format = jalaliFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone,
    });
    jalaliFormats.set(timeZone, format);
  }
  return format.format(at);
}

function presentItem(item: ItemRow) {
  return {
    billRecordId: item.bill_id,
    billId: item.bill_number,
    kind: item.kind,
    year: item.dues_year,
    parcel: { id: item.parcel_id, renewalCode: item.renewal_code },
    principalRials: rials(item.principal_rials),
    penaltyRials: rials(item.penalty_rials),
    prizeRials: rials(item.prize_rials),
    amountRials: rials(item.amount_rials),
    amnestyCode: item.amnesty_code,
  };
}

export function presentPayment(payment: PaymentRow, items: ItemRow[]) {
  return {
    id: payment.id,
    state: payment.state,
    amountRials: rials(payment.amount_rials),
    gateway: payment.gateway,
    refId: payment.ref_id,
    cardPan: payment.card_pan,
    payer: {
      kind: payment.payer_kind,
      nationalId: payment.payer_national_id,
      officeId: payment.payer_office_id,
    },
    failureReason: payment.failure_reason,
    callbacks: payment.callbacks,
    createdAt: payment.created_at.toISOString(),
    expiresAt: payment.expires_at.toISOString(),
    verifiedAt: payment.verified_at?.toISOString() ?? null,
    completedAt: payment.completed_at?.toISOString() ?? null,
    items: items.filter((item) => item.payment_id === payment.id).map(presentItem),
  };
}

type ReceiptParcel = {
  id: string;
  renewal_code: string;
  registration_section: number;
  main_plate: number;
  sub_plates: number[];
  unit_no: number | null;
  address: string | null;
};

/**
 * Everything a receipt shows (رسید پرداخت), ready for a PDF to be rendered from: who was paid, for what, how
 * much, when, and the gateway's reference. A receipt exists only for a completed payment.
 */
export function presentReceipt(
  payment: PaymentRow,
  items: ItemRow[],
  municipality: { code: string; name_fa: string; name_en: string; name_vi: string; timezone: string },
  extras: {
    receiptNo: string | null;
    parcels: ReceiptParcel[];
    paymentIds: Map<string, string | null>;
    payerName: string | null;
    officeName: string | null;
  },
) {
  const paidAt = payment.verified_at ?? payment.completed_at;
  const anonymous = payment.payer_kind === 'anonymous';
  const parcelOf = new Map(extras.parcels.map((parcel) => [parcel.id, parcel]));
  return {
    /** The receipt's own number: the ledger entry that booked the payment. */
    receiptNo: extras.receiptNo,
    paymentId: payment.id,
    state: payment.state,
    municipality: {
      code: municipality.code,
      nameFa: municipality.name_fa,
      nameEn: municipality.name_en,
      nameVi: municipality.name_vi,
      timeZone: municipality.timezone,
    },
    paidAt: paidAt?.toISOString() ?? null,
    paidAtJalali: paidAt ? jalaliDateTime(paidAt, municipality.timezone) : null,
    amountRials: rials(payment.amount_rials),
    gateway: payment.gateway,
    refId: payment.ref_id,
    cardPan: payment.card_pan,
    payer: {
      kind: payment.payer_kind,
      nationalId: anonymous ? null : payment.payer_national_id,
      name: anonymous ? null : extras.payerName,
      officeName: extras.officeName,
    },
    items: items.map((item) => {
      const parcel = parcelOf.get(item.parcel_id);
      // Paid by bill ID alone: the lookup showed no parcel, and neither does the receipt.
      const shown = anonymous ? undefined : parcel;
      return {
        ...presentItem(item),
        parcel: shown ? { id: shown.id, renewalCode: shown.renewal_code } : null,
        /** شناسه پرداخت: the payment ID this bill was paid with. */
        paymentId: extras.paymentIds.get(item.bill_id) ?? null,
        plate: shown
          ? {
              registrationSection: shown.registration_section,
              mainPlate: shown.main_plate,
              subPlates: shown.sub_plates,
              unitNo: shown.unit_no,
            }
          : null,
      };
    }),
    totals: {
      principalRials: items.reduce((s, i) => s + rials(i.principal_rials), 0),
      penaltyRials: items.reduce((s, i) => s + rials(i.penalty_rials), 0),
      prizeRials: items.reduce((s, i) => s + rials(i.prize_rials), 0),
    },
  };
}

export function presentOutcome(payment: PaymentRow, items: ItemRow[]) {
  return {
    id: payment.id,
    state: payment.state,
    failureReason: payment.failure_reason,
    amountRials: rials(payment.amount_rials),
    refId: payment.ref_id,
    createdAt: payment.created_at.toISOString(),
    expiresAt: payment.expires_at.toISOString(),
    completedAt: payment.completed_at?.toISOString() ?? null,
    items: items.map((item) => ({
      billId: item.bill_number,
      kind: item.kind,
      year: item.dues_year,
      amountRials: rials(item.amount_rials),
    })),
  };
}
