import type { Db } from '../../db/schema.js';
import { notFound } from '../../http/errors.js';
import type { Principal } from '../../http/principal.js';
import { findPayment, type PaymentRow } from './payment-repository.js';

const READERS = new Set(['finance', 'oversight', 'admin']);

/** Who may see a payment: who paid it (or the citizen it was paid for), the office that took it, finance staff. */
export function maySeePayment(principal: Principal, payment: PaymentRow): boolean {
  if (principal.municipalityId !== payment.municipality_id) return false;
  switch (principal.kind) {
    case 'citizen':
      return payment.payer_user_id === principal.userId || payment.payer_national_id === principal.nationalId;
    case 'office':
      return payment.payer_office_id === principal.officeId;
    case 'staff':
      return principal.roles.some((role) => READERS.has(role));
    case 'api_client':
      return false;
  }
}

export async function loadVisiblePayment(db: Db, principal: Principal, id: string): Promise<PaymentRow> {
  const payment = await findPayment(db, principal.municipalityId, id);
  if (!payment || !maySeePayment(principal, payment)) throw notFound('payment');
  return payment;
}
