import { AppError } from '../../http/errors.js';
import type { ApiClientPrincipal, OfficePrincipal, Principal, StaffPrincipal } from '../../http/principal.js';
import { staffMaySeeDistrict } from '../parcels/policies.js';

/** Offices that ask municipalities for inquiry responses: notaries, government counters, banks' counters. */
const INQUIRING_OFFICES = new Set(['notary', 'counter', 'bank']);

/** Who may request an inquiry: an API client holding the `inquiries` scope, or an operator of an inquiring office. */
export function assertMayRequestInquiry(principal: ApiClientPrincipal | OfficePrincipal): void {
  if (principal.kind === 'api_client' && !principal.scopes.includes('inquiries'))
    throw new AppError('forbidden');
  if (principal.kind === 'office' && !INQUIRING_OFFICES.has(principal.officeKind))
    throw new AppError('forbidden');
}

/**
 * Who may read an inquiry: the institution or office that asked, district staff, and a citizen who owns the parcel
 * now. Everyone else gets 404, as if it did not exist.
 */
export function mayReadInquiry(
  principal: Principal,
  inquiry: {
    municipality_id: string;
    district_id: string;
    requester_api_client_id: string | null;
    requester_office_id: string | null;
  },
  ownsParcelNow: boolean,
): boolean {
  if (principal.municipalityId !== inquiry.municipality_id) return false;
  switch (principal.kind) {
    case 'api_client':
      return inquiry.requester_api_client_id === principal.apiClientId;
    case 'office':
      return inquiry.requester_office_id === principal.officeId;
    case 'staff':
      return staffMaySeeDistrict(principal, inquiry.district_id);
    case 'citizen':
      return ownsParcelNow;
  }
}

/** Who records and closes violations: experts, inspectors and the manager of the parcel's own district. */
export function mayRecordViolation(staff: StaffPrincipal, districtId: string): boolean {
  return (
    staff.districtId === districtId &&
    staff.roles.some((role) => role === 'expert' || role === 'inspector' || role === 'district_manager')
  );
}

/** Closing needs the expert or the district manager (the commission's ruling carried out, the fine paid). */
export function mayCloseViolation(staff: StaffPrincipal, districtId: string): boolean {
  return (
    staff.districtId === districtId &&
    staff.roles.some((role) => role === 'expert' || role === 'district_manager')
  );
}
