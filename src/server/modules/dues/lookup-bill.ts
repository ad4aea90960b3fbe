import { MUNICIPAL_SERVICE_TYPE, parseBill } from '../../../shared/identifiers/bill.js';
import type { Db } from '../../db/schema.js';
import { AppError, invalidField, notFound } from '../../http/errors.js';
import { findBillByNumber } from './bill-repository.js';
import { quoteBills } from './quote.js';

/**
 * Finds a bill by its bill ID and payment ID alone, as a payer holding the paper bill or an SMS does: both check
 * digits and the binding of the payment ID to the bill must hold, and the payment ID must be the current one (it
 * encodes the amount, which changes when a penalty month begins or the prize period ends).
 */
export async function lookupBillByIds(
  db: Db,
  input: { municipalityId: string; billId: string; paymentId: string; asOf: Date },
) {
  const parsed = parseBill(input.billId, input.paymentId);
  if (!parsed.valid) {
    if (parsed.reason.startsWith('bill') || parsed.reason === 'unknown-service-type')
      throw invalidField('billId', 'bill_id');
    throw invalidField('paymentId', 'payment_id');
  }
  if (parsed.serviceType !== MUNICIPAL_SERVICE_TYPE) throw invalidField('billId', 'bill_id');
  const bill = await findBillByNumber(db, input.municipalityId, parsed.billId);
  if (!bill) throw notFound('bill');
  const quote = (await quoteBills(db, input.municipalityId, [bill], input.asOf)).get(bill.id);
  if (quote && quote.paymentId !== parsed.paymentId)
    throw new AppError('payment_id_outdated', {
      currentPaymentId: quote.paymentId,
      payableRials: Number(quote.payableRials),
    });
  return { bill, quote };
}
