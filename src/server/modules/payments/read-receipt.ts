import type { Db } from '../../db/schema.js';
import { notFound } from '../../http/errors.js';
import type { Principal } from '../../http/principal.js';
import { safeEqual } from '../accounts/tokens.js';
import { paymentIdFor } from '../dues/quote.js';
import { localDay } from '../dues/rules/dues-calendar.js';
import { findPayment, findPaymentAnywhere, listItems, type PaymentRow } from './payment-repository.js';
import { maySeePayment } from './policies.js';
import { presentReceipt } from './presenter.js';
import {
  findMunicipalityNames,
  listReceiptParcels,
  payerNames,
  paymentEntryNumber,
} from './receipt-repository.js';

/**
 * A payment as its payer may read it: whoever may see it when signed in, or anyone holding the receipt token from
 * the payer's redirect (someone who paid by bill ID alone has nothing else). Anyone else gets 404.
 */
export async function loadPaymentForPayer(
  db: Db,
  input: { paymentId: string; principal: Principal | null; token: string | undefined },
): Promise<PaymentRow> {
  const { principal, token } = input;
  const payment =
    token !== undefined
      ? await findPaymentAnywhere(db, input.paymentId)
      : principal
        ? await findPayment(db, principal.municipalityId, input.paymentId)
        : undefined;
  const allowed =
    payment !== undefined &&
    ((token !== undefined && safeEqual(token, payment.receipt_token)) ||
      (principal !== null && maySeePayment(principal, payment)));
  if (!payment || !allowed) throw notFound('payment');
  return payment;
}

export type Receipt = ReturnType<typeof presentReceipt>;

/**
 * The receipt of a completed payment (رسید پرداخت): everything the JSON and the PDF show. Its number is the number
 * of the ledger entry that booked the payment, so a receipt and the books point at each other; each bill's payment
 * ID is the one the payer paid with, rebuilt from the quoted amount and the month the payment was started in.
 */
export async function readReceipt(
  db: Db,
  input: { paymentId: string; principal: Principal | null; token: string | undefined },
): Promise<Receipt> {
  const payment = await loadPaymentForPayer(db, input);
  if (payment.state !== 'paid') throw notFound('payment');
  const m = payment.municipality_id;
  const items = await listItems(db, [payment.id]);
  const municipality = await findMunicipalityNames(db, m);
  const receiptNo = await paymentEntryNumber(db, m, payment.id);
  const parcels = await listReceiptParcels(db, m, [...new Set(items.map((item) => item.parcel_id))]);
  const names = await payerNames(db, m, {
    userId: payment.payer_kind === 'citizen' ? payment.payer_user_id : null,
    nationalId: payment.payer_national_id,
    officeId: payment.payer_office_id,
  });
  const quotedIn = localDay(payment.created_at, municipality.timezone).jalali;
  const paymentIds = new Map(
    items.map((item) => [item.bill_id, paymentIdFor(item.bill_number, BigInt(item.amount_rials), quotedIn)]),
  );
  return presentReceipt(payment, items, municipality, {
    receiptNo,
    parcels,
    paymentIds,
    payerName: names.userName ?? names.ownerName,
    officeName: names.officeName,
  });
}
