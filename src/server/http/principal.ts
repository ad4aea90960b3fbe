import type { ApiClientKind, OfficeKind } from '../db/schema.js';

export const STAFF_ROLES = [
  'clerk',
  'expert',
  'inspector',
  'district_manager',
  'finance',
  'oversight',
  'admin',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

interface UserPrincipalBase {
  municipalityId: string;
  userId: string;
  sessionId: string;
  csrfToken: string;
  fullName: string;
}

export interface CitizenPrincipal extends UserPrincipalBase {
  kind: 'citizen';
  nationalId: string;
  mobile: string;
}

export interface StaffPrincipal extends UserPrincipalBase {
  kind: 'staff';
  roles: StaffRole[];
  /** null for municipality-wide staff (finance, oversight, admin). */
  districtId: string | null;
}

export interface OfficePrincipal extends UserPrincipalBase {
  kind: 'office';
  officeId: string;
  officeKind: OfficeKind;
}

export interface ApiClientPrincipal {
  kind: 'api_client';
  municipalityId: string;
  apiClientId: string;
  clientId: string;
  clientKind: ApiClientKind;
  scopes: string[];
}

/** Who is calling: a signed-in citizen, staff member or office operator (by session), or an institution's system. */
export type Principal = CitizenPrincipal | StaffPrincipal | OfficePrincipal | ApiClientPrincipal;
export type PrincipalKind = Principal['kind'];
export type SessionPrincipal = CitizenPrincipal | StaffPrincipal | OfficePrincipal;

/** The roles a principal holds, as `/api/v1/me` reports them. */
export function rolesOf(principal: Principal): string[] {
  switch (principal.kind) {
    case 'citizen':
      return ['citizen'];
    case 'staff':
      return [...principal.roles];
    case 'office':
      return ['office_operator', `office:${principal.officeKind}`];
    case 'api_client':
      return [
        'api_client',
        `institution:${principal.clientKind}`,
        ...principal.scopes.map((s) => `scope:${s}`),
      ];
  }
}
