import type { Db } from '../../db/schema.js';
import type { CitizenPrincipal, OfficePrincipal, StaffPrincipal } from '../../http/principal.js';
import { staffDistrictScope } from '../parcels/policies.js';

function baseList(db: Db, municipalityId: string) {
  return db
    .selectFrom('cases')
    .innerJoin('services', 'services.id', 'cases.service_id')
    .select([
      'cases.id',
      'cases.state',
      'cases.outcome',
      'cases.tracking_code',
      'cases.file_number',
      'cases.district_id',
      'cases.parcel_id',
      'cases.assignee_user_id',
      'cases.deadline_at',
      'cases.escalated_at',
      'cases.submitted_at',
      'cases.updated_at',
      'cases.created_at',
      'cases.version',
      'cases.service_version_id',
      'services.code as service_code',
    ])
    .where('cases.municipality_id', '=', municipalityId);
}

export type CaseListRow = Awaited<ReturnType<ReturnType<typeof baseList>['execute']>>[number];

/** The cases of the citizen (filed by them or for them), newest first. */
export function listApplicantCases(db: Db, citizen: CitizenPrincipal, limit: number) {
  return baseList(db, citizen.municipalityId)
    .where('cases.applicant_national_id', '=', citizen.nationalId)
    .orderBy('cases.created_at', 'desc')
    .limit(limit)
    .execute();
}

/** The cases an office filed, and only those. */
export function listOfficeCases(db: Db, office: OfficePrincipal, limit: number) {
  return baseList(db, office.municipalityId)
    .where('cases.filed_by_office_id', '=', office.officeId)
    .orderBy('cases.created_at', 'desc')
    .limit(limit)
    .execute();
}

export interface QueueFilter {
  state?: string;
  service?: string;
  assigned?: 'me' | 'none' | 'any';
  overdue?: boolean;
  sort: 'deadline' | 'newest';
  limit: number;
  offset: number;
}

/** A district's working queue: open, submitted cases, by deadline (soonest first) unless asked otherwise. */
export function staffQueue(db: Db, staff: StaffPrincipal, filter: QueueFilter, now: Date) {
  let query = baseList(db, staff.municipalityId)
    .where('cases.closed_at', 'is', null)
    .where('cases.submitted_at', 'is not', null);
  const district = staffDistrictScope(staff);
  if (district) query = query.where('cases.district_id', '=', district);
  if (filter.state) query = query.where('cases.state', '=', filter.state);
  if (filter.service) query = query.where('services.code', '=', filter.service);
  if (filter.assigned === 'me') query = query.where('cases.assignee_user_id', '=', staff.userId);
  if (filter.assigned === 'none') query = query.where('cases.assignee_user_id', 'is', null);
  if (filter.overdue) query = query.where('cases.deadline_at', '<', now);
  query =
    filter.sort === 'deadline'
      ? query.orderBy('cases.deadline_at', (ob) => ob.asc().nullsLast()).orderBy('cases.id')
      : query.orderBy('cases.submitted_at', 'desc').orderBy('cases.id');
  return query.limit(filter.limit).offset(filter.offset).execute();
}
