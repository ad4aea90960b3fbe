import type { Principal, StaffPrincipal } from '../../http/principal.js';
import { staffMaySeeDistrict } from '../parcels/policies.js';
import type { OwnerSnapshot } from './content.js';

interface CertificateAccessFacts {
  municipality_id: string;
  district_id: string;
  owners: unknown;
  requester_user_id: string | null;
  requester_office_id: string | null;
  requester_api_client_id: string | null;
}

/**
 * Who may read a certificate in full (and download its PDF): an owner named on it or owning the parcel now,
 * staff who may see the parcel's district, and whoever asked for it (citizen, office or institution). Anyone else
 * gets 404; the public verification answer shows only what is printed on the paper itself.
 */
export function mayReadCertificate(
  principal: Principal,
  certificate: CertificateAccessFacts,
  ownsParcelNow: boolean,
): boolean {
  if (principal.municipalityId !== certificate.municipality_id) return false;
  switch (principal.kind) {
    case 'citizen': {
      const named = (certificate.owners as OwnerSnapshot[]).some(
        (o) => o.nationalId === principal.nationalId,
      );
      return named || ownsParcelNow || certificate.requester_user_id === principal.userId;
    }
    case 'staff':
      return staffMaySeeDistrict(principal, certificate.district_id);
    case 'office':
      return certificate.requester_office_id === principal.officeId;
    case 'api_client':
      return certificate.requester_api_client_id === principal.apiClientId;
  }
}

/** Revocation: the district manager of the parcel's district, or an administrator. */
export function mayRevokeCertificate(staff: StaffPrincipal, certificate: { district_id: string }): boolean {
  if (staff.roles.includes('admin')) return true;
  return staff.roles.includes('district_manager') && staff.districtId === certificate.district_id;
}
