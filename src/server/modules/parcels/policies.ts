import type { Principal, StaffPrincipal } from '../../http/principal.js';

const MUNICIPALITY_WIDE_ROLES = new Set(['admin', 'oversight', 'finance']);

/** The district a staff member may work in, or null when their role spans the whole municipality. */
export function staffDistrictScope(staff: StaffPrincipal): string | null {
  if (staff.roles.some((role) => MUNICIPALITY_WIDE_ROLES.has(role))) return null;
  return staff.districtId ?? '00000000-0000-0000-0000-000000000000';
}

/** Whether a staff member may see a parcel in this district. */
export function staffMaySeeDistrict(staff: StaffPrincipal, districtId: string): boolean {
  const scope = staffDistrictScope(staff);
  return scope === null || scope === districtId;
}

/** Only district clerks and experts of the parcel's district correct its registry details. */
export function staffMayEditParcel(staff: StaffPrincipal, districtId: string): boolean {
  return staff.districtId === districtId && staff.roles.some((role) => role === 'clerk' || role === 'expert');
}

export function isStaff(principal: Principal): principal is StaffPrincipal {
  return principal.kind === 'staff';
}
