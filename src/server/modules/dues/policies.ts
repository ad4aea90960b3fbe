import type { Db } from '../../db/schema.js';
import { notFound } from '../../http/errors.js';
import type { Principal } from '../../http/principal.js';
import { staffMaySeeDistrict } from '../parcels/policies.js';
import { isParcelOwnedBy } from '../parcels/repository.js';
import { type BillRow, findBill } from './bill-repository.js';

/** Staff who manage dues for the whole municipality: assessments, tariffs, cancellations, reconciliation. */
export const FINANCE_ROLES = ['finance'] as const;
/** Staff who may read every bill and payment of the municipality. */
export const BILL_READER_ROLES = ['finance', 'oversight', 'admin'] as const;

/**
 * Who may see a bill: an owner of its parcel (a citizen, or an office naming the owner it acts for), staff of
 * the parcel's district and municipality-wide staff. Anyone else gets 404, as if it did not exist.
 */
export async function maySeeBill(
  db: Db,
  principal: Principal,
  bill: Pick<BillRow, 'municipality_id' | 'parcel_id' | 'district_id'>,
  actingFor: string | null,
): Promise<boolean> {
  if (principal.municipalityId !== bill.municipality_id) return false;
  switch (principal.kind) {
    case 'citizen':
      return isParcelOwnedBy(db, bill.municipality_id, bill.parcel_id, principal.nationalId);
    case 'office':
      return actingFor !== null && isParcelOwnedBy(db, bill.municipality_id, bill.parcel_id, actingFor);
    case 'staff':
      return staffMaySeeDistrict(principal, bill.district_id);
    case 'api_client':
      return false;
  }
}

export async function loadVisibleBill(
  db: Db,
  principal: Principal,
  billId: string,
  actingFor: string | null,
) {
  const bill = await findBill(db, principal.municipalityId, billId);
  if (!bill || !(await maySeeBill(db, principal, bill, actingFor))) throw notFound('bill');
  return bill;
}

/** Whether the principal may see what a parcel owes (its owner, an office for its owner, staff of its district). */
export async function maySeeParcelDebts(
  db: Db,
  principal: Principal,
  parcel: { id: string; district_id: string },
  actingFor: string | null,
): Promise<boolean> {
  switch (principal.kind) {
    case 'citizen':
      return isParcelOwnedBy(db, principal.municipalityId, parcel.id, principal.nationalId);
    case 'office':
      return actingFor !== null && isParcelOwnedBy(db, principal.municipalityId, parcel.id, actingFor);
    case 'staff':
      return staffMaySeeDistrict(principal, parcel.district_id);
    case 'api_client':
      return false;
  }
}
