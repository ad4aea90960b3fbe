import type { Db, InquiryStatus } from '../../db/schema.js';

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
