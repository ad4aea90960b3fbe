import type { Db, InquiryStatus, ViolationKind } from '../../db/schema.js';
import type { InquirySettings } from './rules/settings.js';

// --- settings -------------------------------------------------------------------------------------------------

function toSettings(row: {
  id: string;
  effective_from: string;
  response_validity_months: number;
  completion_months: number;
  clearance_validity_months: number;
  require_nothing_owed: boolean;
  require_no_open_violation: boolean;
  require_no_pending_article_100: boolean;
  site_visit_when_routed: boolean;
}): InquirySettings {
  return {
    id: row.id,
    effectiveFrom: row.effective_from,
    responseValidityMonths: row.response_validity_months,
    completionMonths: row.completion_months,
    clearanceValidityMonths: row.clearance_validity_months,
    requireNothingOwed: row.require_nothing_owed,
    requireNoOpenViolation: row.require_no_open_violation,
    requireNoPendingArticle100: row.require_no_pending_article_100,
    siteVisitWhenRouted: row.site_visit_when_routed,
  };
}

/** Every dated version of a municipality's inquiry settings, newest first. */
export async function listSettingsVersions(db: Db, municipalityId: string) {
  const rows = await db
    .selectFrom('inquiry_settings')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('effective_from', 'desc')
    .execute();
  return rows.map((row) => ({ ...toSettings(row), createdAt: row.created_at, createdBy: row.created_by }));
}

export async function insertSettingsVersion(
  db: Db,
  input: Omit<InquirySettings, 'id'> & { municipalityId: string; createdBy: string | null },
) {
  const row = await db
    .insertInto('inquiry_settings')
    .values({
      municipality_id: input.municipalityId,
      effective_from: input.effectiveFrom,
      response_validity_months: input.responseValidityMonths,
      completion_months: input.completionMonths,
      clearance_validity_months: input.clearanceValidityMonths,
      require_nothing_owed: input.requireNothingOwed,
      require_no_open_violation: input.requireNoOpenViolation,
      require_no_pending_article_100: input.requireNoPendingArticle100,
      site_visit_when_routed: input.siteVisitWhenRouted,
      created_by: input.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSettings(row);
}

// --- parcels --------------------------------------------------------------------------------------------------

export function findParcelForInquiry(db: Db, municipalityId: string, parcelId: string) {
  return db
    .selectFrom('parcels')
    .select(['id', 'district_id', 'renewal_code', 'land_use'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', parcelId)
    .executeTakeFirst();
}

export function findParcelByRenewalCode(db: Db, municipalityId: string, renewalCode: string) {
  return db
    .selectFrom('parcels')
    .select(['id', 'district_id', 'renewal_code', 'land_use'])
    .where('municipality_id', '=', municipalityId)
    .where('renewal_code', '=', renewalCode)
    .executeTakeFirst();
}

/** Parcels with this registration plate (section, main, sub-plates, unit); more than one means the plate is ambiguous. */
export function findParcelsByPlate(
  db: Db,
  municipalityId: string,
  plate: { section: number; main: number; sub: number[]; unit: number | null },
) {
  let query = db
    .selectFrom('parcels')
    .select(['id', 'district_id', 'renewal_code', 'land_use', 'sub_plates'])
    .where('municipality_id', '=', municipalityId)
    .where('registration_section', '=', plate.section)
    .where('main_plate', '=', plate.main);
  query = plate.unit === null ? query.where('unit_no', 'is', null) : query.where('unit_no', '=', plate.unit);
  return query
    .limit(50)
    .execute()
    .then((rows) =>
      rows.filter(
        (row) =>
          row.sub_plates.length === plate.sub.length && row.sub_plates.every((n, i) => n === plate.sub[i]),
      ),
    );
}

/** The parcel's certificates the rule and the findings read: responses, permits, completions; newest first. */
export function listParcelRecordCertificates(db: Db, municipalityId: string, parcelId: string) {
  return db
    .selectFrom('certificates')
    .select(['number', 'kind', 'outcome', 'status', 'issued_at', 'valid_until'])
    .where('municipality_id', '=', municipalityId)
    .where('parcel_id', '=', parcelId)
    .where('kind', 'in', ['inquiry_response', 'building_permit', 'completion'])
    .orderBy('issued_at', 'desc')
    .limit(200)
    .execute();
}

// --- violations -----------------------------------------------------------------------------------------------

export function listParcelViolations(db: Db, municipalityId: string, parcelId: string) {
  return db
    .selectFrom('parcel_violations')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('parcel_id', '=', parcelId)
    .orderBy('opened_on')
    .orderBy('id')
    .execute();
}

export type ViolationRow = Awaited<ReturnType<typeof listParcelViolations>>[number];

export function insertViolation(
  db: Db,
  input: {
    municipalityId: string;
    parcelId: string;
    districtId: string;
    kind: ViolationKind;
    description: string;
    openedOn: string;
    recordedBy: string | null;
  },
) {
  return db
    .insertInto('parcel_violations')
    .values({
      municipality_id: input.municipalityId,
      parcel_id: input.parcelId,
      district_id: input.districtId,
      kind: input.kind,
      description: input.description,
      opened_on: input.openedOn,
      recorded_by: input.recordedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A violation locked for closing. */
export function findViolationForUpdate(db: Db, municipalityId: string, id: string) {
  return db
    .selectFrom('parcel_violations')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function closeViolation(
  db: Db,
  input: { id: string; closedOn: string; reason: string; closedBy: string | null },
) {
  return db
    .updateTable('parcel_violations')
    .set({ closed_on: input.closedOn, close_reason: input.reason, closed_by: input.closedBy })
    .where('id', '=', input.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

// --- inquiries ------------------------------------------------------------------------------------------------

export function insertInquiry(
  db: Db,
  row: {
    municipality_id: string;
    case_id: string;
    parcel_id: string;
    district_id: string;
    purpose: 'transfer' | 'mortgage' | 'utility_connection';
    letter_number: string | null;
    letter_date: string | null;
    requester_kind: 'api_client' | 'office';
    requester_api_client_id: string | null;
    requester_office_id: string | null;
    requester_user_id: string | null;
    status: InquiryStatus;
    auto_issued: boolean;
    decision: string;
    settings_id: string;
    idempotency_key: string | null;
    request_hash: string | null;
    first_status: number;
    created_at: Date;
  },
) {
  return db.insertInto('inquiries').values(row).returning('id').executeTakeFirstOrThrow();
}

export function findInquiryByCase(db: Db, municipalityId: string, caseId: string) {
  return db
    .selectFrom('inquiries')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}

export function setInquiryOutcome(
  db: Db,
  input: { id: string; status: InquiryStatus; certificateId: string | null; at: Date },
) {
  return db
    .updateTable('inquiries')
    .set({ status: input.status, certificate_id: input.certificateId, decided_at: input.at })
    .where('id', '=', input.id)
    .execute();
}

export function findByIdempotencyKey(
  db: Db,
  input: { municipalityId: string; requesterId: string; key: string },
) {
  return db
    .selectFrom('inquiries')
    .select(['id', 'request_hash', 'first_status'])
    .where('municipality_id', '=', input.municipalityId)
    .where((eb) =>
      eb.or([
        eb('requester_api_client_id', '=', input.requesterId),
        eb('requester_office_id', '=', input.requesterId),
      ]),
    )
    .where('idempotency_key', '=', input.key)
    .executeTakeFirst();
}

/** Inquiries with what presenting them needs: the case's state and numbers, the certificate, the parcel. */
export function inquiryView(db: Db, municipalityId: string) {
  return db
    .selectFrom('inquiries')
    .innerJoin('cases', 'cases.id', 'inquiries.case_id')
    .innerJoin('parcels', 'parcels.id', 'inquiries.parcel_id')
    .leftJoin('certificates', 'certificates.id', 'inquiries.certificate_id')
    .leftJoin('api_clients', 'api_clients.id', 'inquiries.requester_api_client_id')
    .leftJoin('offices', 'offices.id', 'inquiries.requester_office_id')
    .select([
      'inquiries.id',
      'inquiries.municipality_id',
      'inquiries.parcel_id',
      'inquiries.district_id',
      'inquiries.purpose',
      'inquiries.letter_number',
      'inquiries.letter_date',
      'inquiries.requester_kind',
      'inquiries.requester_api_client_id',
      'inquiries.requester_office_id',
      'inquiries.status',
      'inquiries.auto_issued',
      'inquiries.decision',
      'inquiries.first_status',
      'inquiries.created_at',
      'inquiries.decided_at',
      'cases.id as case_id',
      'cases.state as case_state',
      'cases.tracking_code',
      'cases.version as case_version',
      'parcels.renewal_code',
      'parcels.registration_section',
      'parcels.main_plate',
      'parcels.sub_plates',
      'parcels.unit_no',
      'certificates.number as certificate_number',
      'certificates.outcome as certificate_outcome',
      'certificates.token as certificate_token',
      'certificates.issued_at as certificate_issued_at',
      'certificates.valid_until as certificate_valid_until',
      'certificates.status as certificate_status',
      'api_clients.name as api_client_name',
      'offices.name as office_name',
    ])
    .where('inquiries.municipality_id', '=', municipalityId);
}

export type InquiryViewRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof inquiryView>['executeTakeFirst']>>
>;

export function findInquiryView(db: Db, municipalityId: string, id: string) {
  return inquiryView(db, municipalityId).where('inquiries.id', '=', id).executeTakeFirst();
}

export type InquiryListScope =
  | { kind: 'api_client'; apiClientId: string }
  | { kind: 'office'; officeId: string }
  | { kind: 'owner'; nationalId: string }
  | { kind: 'district'; districtId: string | null };

/** One page of inquiries in a scope, newest first. */
export function listInquiries(
  db: Db,
  municipalityId: string,
  scope: InquiryListScope,
  page: { limit: number; offset: number; status?: InquiryStatus; caseId?: string },
) {
  let query = inquiryView(db, municipalityId);
  switch (scope.kind) {
    case 'api_client':
      query = query.where('inquiries.requester_api_client_id', '=', scope.apiClientId);
      break;
    case 'office':
      query = query.where('inquiries.requester_office_id', '=', scope.officeId);
      break;
    case 'owner':
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('ownerships')
            .innerJoin('owners', 'owners.id', 'ownerships.owner_id')
            .select('ownerships.parcel_id')
            .whereRef('ownerships.parcel_id', '=', 'inquiries.parcel_id')
            .where('owners.national_id', '=', scope.nationalId),
        ),
      );
      break;
    case 'district':
      if (scope.districtId) query = query.where('inquiries.district_id', '=', scope.districtId);
      break;
  }
  if (page.status) query = query.where('inquiries.status', '=', page.status);
  if (page.caseId) query = query.where('inquiries.case_id', '=', page.caseId);
  return query
    .orderBy('inquiries.created_at', 'desc')
    .orderBy('inquiries.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}
