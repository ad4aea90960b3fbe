import type { Db } from '../../db/schema.js';
import { notFound } from '../../http/errors.js';
import type { Principal } from '../../http/principal.js';
import { staffMaySeeDistrict } from '../parcels/policies.js';
import { type CaseRow, findCase } from './case-repository.js';
import type { ServiceDefinition, StaffRole, Actor as WorkflowActor } from './workflow/types.js';

/** Who may see a case: its applicant, the office that filed it, staff of its district (and municipality-wide roles). */
export function maySeeCase(principal: Principal, row: CaseRow): boolean {
  switch (principal.kind) {
    case 'citizen':
      return row.applicant_national_id === principal.nationalId;
    case 'office':
      return row.filed_by_office_id === principal.officeId;
    case 'staff':
      return staffMaySeeDistrict(principal, row.district_id);
    case 'api_client':
      return false;
  }
}

/** The case if this principal may see it; 404 otherwise, so nobody learns that someone else's case exists. */
export async function loadVisibleCase(db: Db, principal: Principal, caseId: string): Promise<CaseRow> {
  const row = await findCase(db, principal.municipalityId, caseId);
  if (!row || !maySeeCase(principal, row)) throw notFound('case');
  return row;
}

/** How the workflow engine sees the principal: the applicant side (citizen or filing office) or staff roles. */
export function workflowActorOf(principal: Principal): WorkflowActor {
  if (principal.kind === 'staff') return { kind: 'staff', roles: principal.roles as StaffRole[] };
  return { kind: 'applicant' };
}

export function definitionOf(row: CaseRow): ServiceDefinition {
  return row.definition as ServiceDefinition;
}
