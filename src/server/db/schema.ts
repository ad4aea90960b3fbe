import type { ColumnType, Generated, Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** numeric columns arrive as strings from node-postgres; convert with Number() in presenters. */
type Numeric = ColumnType<string, number | string, number | string>;
type Json<T> = ColumnType<T, string | T, string | T>;

export type Locale = 'fa' | 'en' | 'vi';
export type UserKind = 'citizen' | 'staff' | 'office_operator';
export type OfficeKind = 'notary' | 'counter' | 'e_service' | 'kiosk' | 'bank';
export type ApiClientKind = 'bank' | 'notary' | 'utility' | 'agency';
export type ActorKind = 'user' | 'office' | 'api_client' | 'system' | 'anonymous';

export interface MunicipalitiesTable {
  id: Generated<string>;
  number: Generated<number>;
  weekly_rest_days: ColumnType<number[], number[] | undefined, number[]>;
  workday_start: Generated<string>;
  workday_end: Generated<string>;
  code: string;
  name_fa: string;
  name_en: string;
  name_vi: string;
  timezone: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DistrictsTable {
  id: Generated<string>;
  municipality_id: string;
  number: number;
  name_fa: string;
  name_en: string;
  name_vi: string;
  boundary: Json<GeoJsonGeometry | null> | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface OfficesTable {
  id: Generated<string>;
  municipality_id: string;
  kind: OfficeKind;
  name: string;
  license_no: string;
  district_id: string | null;
  is_active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  municipality_id: string;
  kind: UserKind;
  username: string | null;
  password_hash: string | null;
  national_id: string | null;
  mobile: string | null;
  full_name: string;
  roles: ColumnType<string[], string[] | undefined, string[]>;
  district_id: string | null;
  office_id: string | null;
  locale: Generated<Locale>;
  is_active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  last_login_at: NullableTimestamp;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ApiClientsTable {
  id: Generated<string>;
  municipality_id: string;
  client_id: string;
  name: string;
  kind: ApiClientKind;
  scopes: ColumnType<string[], string[] | undefined, string[]>;
  secret_hash: string;
  secret_version: Generated<number>;
  created_at: Generated<Date>;
  rotated_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
}

export interface SessionsTable {
  id: Generated<string>;
  municipality_id: string;
  user_id: string;
  token_hash: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
}

export interface OtpChallengesTable {
  id: Generated<string>;
  purpose: Generated<'sign_in' | 'consent'>;
  municipality_id: string;
  national_id: string;
  mobile: string;
  code_hash: string;
  attempts: Generated<number>;
  ip: string | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  consumed_at: NullableTimestamp;
}

export interface OwnersTable {
  id: Generated<string>;
  municipality_id: string;
  kind: 'person' | 'legal';
  national_id: string;
  name: string;
  mobile: string | null;
  created_at: Generated<Date>;
}

export interface GeoJsonGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: number[][][] | number[][][][];
}

export interface ParcelsTable {
  id: Generated<string>;
  municipality_id: string;
  district_id: string;
  renewal_code: string;
  registration_section: number;
  main_plate: number;
  sub_plates: ColumnType<number[], number[] | undefined, number[]>;
  unit_no: number | null;
  postal_code: string | null;
  address: string | null;
  land_area_m2: Numeric;
  built_area_m2: Numeric;
  land_use: string;
  geometry: Json<GeoJsonGeometry>;
  centroid_lng: number;
  centroid_lat: number;
  street_width_m: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface OwnershipsTable {
  id: Generated<string>;
  municipality_id: string;
  parcel_id: string;
  owner_id: string;
  share_num: number;
  share_den: number;
  since: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
}

export interface SettingsTable {
  key: string;
  value: Json<unknown>;
  updated_at: Generated<Date>;
}

export interface AuditLogTable {
  id: Generated<string>;
  municipality_id: string;
  /** Which of the municipality's hash chains the row belongs to (ADR 0010); rows before 0005 are chain 0. */
  chain: ColumnType<number, number | undefined, never>;
  seq: ColumnType<string, number | string, never>;
  at: ColumnType<Date, Date, never>;
  actor_kind: ActorKind;
  actor_id: string | null;
  office_id: string | null;
  api_client_id: string | null;
  ip: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadsTable {
  municipality_id: string;
  chain: ColumnType<number, number | undefined, never>;
  seq: ColumnType<string, number | string, number | string>;
  hash: string;
}

export interface GisLayersTable {
  id: Generated<string>;
  municipality_id: string;
  kind: 'zones' | 'overlays' | 'parcels';
  version: number;
  name: string;
  source_file: string | null;
  source_crs: string;
  feature_count: number;
  imported_at: Timestamp;
  imported_by: string | null;
}

interface BboxColumns {
  min_lng: number;
  min_lat: number;
  max_lng: number;
  max_lat: number;
}

export interface ZonesTable extends BboxColumns {
  id: Generated<string>;
  municipality_id: string;
  layer_id: string;
  zone_code: string;
  name: string | null;
  geometry: Json<GeoJsonGeometry>;
  properties: Json<Record<string, unknown>>;
}

export interface OverlaysTable extends BboxColumns {
  id: Generated<string>;
  municipality_id: string;
  layer_id: string;
  overlay_type: 'street_widening' | 'heritage' | 'protected' | 'flood' | 'fault' | 'other';
  name: string | null;
  geometry: Json<GeoJsonGeometry>;
  properties: Json<Record<string, unknown>>;
}

export interface ParcelZonesTable {
  municipality_id: string;
  parcel_id: string;
  layer_id: string;
  zone_id: string;
  zone_code: string;
  share: Numeric;
}

export interface ParcelOverlaysTable {
  municipality_id: string;
  parcel_id: string;
  layer_id: string;
  overlay_id: string;
  area_m2: Numeric;
  share: Numeric;
}

export interface ZoningRuleSetsTable {
  id: Generated<string>;
  municipality_id: string;
  effective_from: ColumnType<string, string, string>;
  resolution_no: string;
  rules: Json<unknown>;
  created_at: Generated<Date>;
}

export interface PermitFeeTariffsTable {
  id: Generated<string>;
  municipality_id: string;
  effective_from: ColumnType<string, string, string>;
  resolution_no: string;
  tariff: Json<unknown>;
  created_at: Generated<Date>;
}

export interface HolidaysTable {
  municipality_id: string;
  day: ColumnType<string, string, string>;
  name: string;
}

export interface ServicesTable {
  id: Generated<string>;
  municipality_id: string;
  code: string;
  current_version: Generated<number>;
  is_active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ServiceVersionsTable {
  id: Generated<string>;
  municipality_id: string;
  service_id: string;
  version: number;
  definition: Json<unknown>;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface ServiceDistrictsTable {
  municipality_id: string;
  service_id: string;
  district_id: string;
  live_since: Generated<Date>;
}

export interface CasesTable {
  id: Generated<string>;
  municipality_id: string;
  district_id: string;
  service_id: string;
  service_version_id: string;
  parcel_id: string | null;
  applicant_national_id: string | null;
  applicant_mobile: string | null;
  applicant_user_id: string | null;
  filed_by_user_id: string | null;
  filed_by_office_id: string | null;
  filed_by_api_client_id: ColumnType<string | null, string | null | undefined, string | null>;
  consent_method: 'otp' | 'in_person' | null;
  state: string;
  outcome: string | null;
  form_data: Json<Record<string, unknown>>;
  returned_items: Json<unknown> | null;
  visit_findings: Json<unknown> | null;
  tracking_code: string | null;
  file_number: string | null;
  assignee_user_id: string | null;
  sla: Json<unknown> | null;
  deadline_at: NullableTimestamp;
  escalated_at: NullableTimestamp;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  submitted_at: NullableTimestamp;
  closed_at: NullableTimestamp;
}

export interface CaseEventsTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  at: Timestamp;
  actor_kind: 'applicant' | 'office' | 'staff' | 'system';
  actor_role: string | null;
  actor_user_id: string | null;
  office_id: string | null;
  action: string;
  from_state: string | null;
  to_state: string | null;
  reason: string | null;
  details: Json<Record<string, unknown>>;
}

export interface CaseDocumentsTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  requirement_code: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string;
  uploaded_at: Generated<Date>;
  replaced_at: NullableTimestamp;
}

export interface CaseCountersTable {
  municipality_id: string;
  scope: string;
  last_serial: ColumnType<string, number | string, number | string>;
}

export interface OfficeConsentsTable {
  id: Generated<string>;
  municipality_id: string;
  office_id: string;
  operator_user_id: string;
  national_id: string;
  mobile: string;
  service_code: string;
  method: 'otp' | 'in_person';
  created_at: ColumnType<Date, Date, never>;
  expires_at: ColumnType<Date, Date, never>;
  used_at: ColumnType<Date | null, never, Date>;
  case_id: ColumnType<string | null, never, string>;
}

export interface NotificationsTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string | null;
  recipient_user_id: string | null;
  recipient_mobile: string | null;
  channel: 'sms' | 'in_app';
  body: string;
  created_at: Generated<Date>;
  sent_at: NullableTimestamp;
  read_at: NullableTimestamp;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface JobsTable {
  id: Generated<string>;
  municipality_id: string | null;
  kind: string;
  run_at: Timestamp;
  payload: Json<Record<string, unknown>>;
  attempts: Generated<number>;
  locked_until: NullableTimestamp;
  done_at: NullableTimestamp;
  last_error: string | null;
  created_at: Generated<Date>;
}

export interface WebhookEndpointsTable {
  id: Generated<string>;
  municipality_id: string;
  api_client_id: string;
  url: string;
  /** Sealed like certificate keys (see certificates/key-encryption.ts). */
  secret: string;
  secret_version: Generated<number>;
  enabled: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  rotated_at: NullableTimestamp;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookDeliveriesTable {
  id: Generated<string>;
  municipality_id: string;
  api_client_id: string;
  event_id: string;
  type: string;
  payload: Json<Record<string, unknown>>;
  status: Generated<WebhookDeliveryStatus>;
  attempts: Generated<number>;
  next_attempt_at: NullableTimestamp;
  locked_until: NullableTimestamp;
  last_attempt_at: NullableTimestamp;
  last_status: number | null;
  last_error: string | null;
  delivered_at: NullableTimestamp;
  created_at: Timestamp;
}

export type CertificateKind = 'inquiry_response' | 'clearance' | 'building_permit' | 'completion';
export type CertificateOutcome = 'no_objection' | 'conditional' | 'refused';

export interface CertificateSigningKeysTable {
  id: Generated<string>;
  municipality_id: string;
  kid: string;
  public_jwk: Json<Record<string, string>>;
  private_key: string;
  created_at: Generated<Date>;
  created_by: string | null;
  retired_at: NullableTimestamp;
}

export interface CertificateCountersTable {
  municipality_id: string;
  year: number;
  last_serial: ColumnType<string, number | string, number | string>;
}

export interface CertificatesTable {
  id: Generated<string>;
  municipality_id: string;
  number: string;
  kind: CertificateKind;
  parcel_id: string;
  district_id: string;
  case_id: string | null;
  purpose: string | null;
  parcel: Json<unknown>;
  owners: Json<unknown>;
  findings: Json<unknown>;
  outcome: CertificateOutcome;
  reasons: Json<unknown>;
  requester: Json<unknown> | null;
  requester_user_id: string | null;
  requester_office_id: string | null;
  requester_api_client_id: string | null;
  issued_at: Timestamp;
  valid_until: Timestamp;
  issued_by_user_id: string | null;
  signing_key_id: string;
  content: Json<unknown>;
  content_hash: string;
  token: string;
  status: Generated<'valid' | 'revoked'>;
  revoked_at: NullableTimestamp;
  revoked_by_user_id: string | null;
  revocation_reason: string | null;
  created_at: Generated<Date>;
}

type Rials = ColumnType<string, bigint | number | string, bigint | number | string>;
type IsoDate = ColumnType<string, string, string>;

export interface DuesSettingsTable {
  municipality_id: string;
  bill_company_code: string;
  last_bill_serial: ColumnType<string, number | string | undefined, number | string>;
}

export interface DuesTariffsTable {
  id: Generated<string>;
  municipality_id: string;
  dues_year: number;
  resolution_no: string;
  tariff: Json<unknown>;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface DuesAmnestiesTable {
  id: Generated<string>;
  municipality_id: string;
  code: string;
  title: string;
  resolution_no: string;
  starts_on: IsoDate;
  ends_on: IsoDate;
  dues_years_up_to: number | null;
  penalty_waiver_pct: number;
  created_at: Generated<Date>;
}

export interface DuesParcelFlagsTable {
  municipality_id: string;
  parcel_id: string;
  flag: string;
}

export interface DuesAssessmentRunsTable {
  id: Generated<string>;
  municipality_id: string;
  dues_year: number;
  tariff_id: string;
  state: 'running' | 'done' | 'failed';
  parcels_total: number;
  parcels_done: Generated<number>;
  bills_created: Generated<number>;
  exempt_count: Generated<number>;
  total_rials: ColumnType<string, bigint | number | string | undefined, bigint | number | string>;
  blocks_total: Generated<number>;
  cursor_block: number | null;
  started_by: string | null;
  started_at: Generated<Date>;
  finished_at: NullableTimestamp;
  last_error: string | null;
}

export interface DuesAssessmentChunksTable {
  id: Generated<string>;
  run_id: string;
  first_block: number;
  end_block: number;
  first_serial: ColumnType<string, bigint | number | string, bigint | number | string>;
  serials: number;
  state: 'claimed' | 'done';
  scanned: number | null;
  created: number | null;
  claimed_at: Generated<Date>;
  done_at: NullableTimestamp;
}

export type BillState = 'open' | 'paid' | 'exempt' | 'cancelled';

export interface BillsTable {
  id: Generated<string>;
  municipality_id: string;
  parcel_id: string;
  kind: 'renewal_dues';
  dues_year: number;
  bill_id: string;
  tariff_id: string;
  assessment_run_id: string | null;
  zone_code: string | null;
  land_use: string;
  land_area_m2: Numeric;
  built_area_m2: Numeric;
  land_value_rials: Rials;
  building_value_rials: Rials;
  adjustment_codes: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  exemption_code: string | null;
  principal_rials: Rials;
  state: BillState;
  accrues_on: IsoDate;
  due_on: IsoDate;
  paid_at: NullableTimestamp;
  paid_by_payment_id: string | null;
  cancelled_at: NullableTimestamp;
  cancel_reason: string | null;
  created_at: Generated<Date>;
}

export type LedgerAccount =
  | 'dues_receivable'
  | 'dues_revenue'
  | 'penalty_revenue'
  | 'prize_discount'
  | 'gateway_clearing'
  | 'payer_refunds';

export interface LedgerEntriesTable {
  id: Generated<string>;
  municipality_id: string;
  kind: 'charge' | 'payment' | 'refund' | 'reversal';
  at: Timestamp;
  memo: string;
  assessment_run_id: string | null;
  payment_id: string | null;
  bill_id: string | null;
  created_at: Generated<Date>;
}

export interface LedgerLinesTable {
  id: Generated<string>;
  municipality_id: string;
  entry_id: string;
  account: LedgerAccount;
  parcel_id: string | null;
  bill_id: string | null;
  amount_rials: Rials;
  at: Timestamp;
}

export type PaymentState = 'created' | 'pending' | 'paid' | 'failed' | 'refund_pending' | 'refunded';

export interface PaymentsTable {
  id: Generated<string>;
  municipality_id: string;
  state: PaymentState;
  amount_rials: Rials;
  gateway: string;
  authority: string | null;
  ref_id: string | null;
  card_pan: string | null;
  payer_kind: 'citizen' | 'office' | 'anonymous';
  payer_user_id: string | null;
  payer_office_id: string | null;
  payer_national_id: string | null;
  receipt_token: string;
  failure_reason: string | null;
  callbacks: Generated<number>;
  created_at: Timestamp;
  expires_at: Timestamp;
  verified_at: NullableTimestamp;
  completed_at: NullableTimestamp;
}

export interface PaymentItemsTable {
  municipality_id: string;
  payment_id: string;
  bill_id: string;
  principal_rials: Rials;
  penalty_rials: Rials;
  prize_rials: Rials;
  amount_rials: Rials;
  amnesty_code: string | null;
}

export interface PaymentEventsTable {
  id: Generated<string>;
  municipality_id: string;
  payment_id: string;
  at: Timestamp;
  kind: string;
  details: Json<Record<string, unknown>>;
}

export interface PaymentMismatchesTable {
  id: Generated<string>;
  municipality_id: string;
  payment_id: string | null;
  gateway_authority: string | null;
  kind: string;
  details: Json<Record<string, unknown>>;
  found_at: Timestamp;
  resolved_at: NullableTimestamp;
  resolved_by: string | null;
  resolution_note: string | null;
}

export type ViolationKind = 'building_violation' | 'article_100';
export type InquiryPurpose = 'transfer' | 'mortgage' | 'utility_connection';
export type InquiryStatus = 'issued' | 'in_review' | 'refused' | 'withdrawn';

export interface ParcelViolationsTable {
  id: Generated<string>;
  municipality_id: string;
  parcel_id: string;
  district_id: string;
  kind: ViolationKind;
  description: string;
  opened_on: IsoDate;
  closed_on: ColumnType<string | null, string | null | undefined, string | null>;
  close_reason: string | null;
  recorded_by: string | null;
  closed_by: string | null;
  created_at: Generated<Date>;
}

export interface InquirySettingsTable {
  id: Generated<string>;
  municipality_id: string;
  effective_from: IsoDate;
  response_validity_months: number;
  completion_months: number;
  clearance_validity_months: number;
  require_nothing_owed: boolean;
  require_no_open_violation: boolean;
  require_no_pending_article_100: boolean;
  site_visit_when_routed: boolean;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface InquiriesTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  parcel_id: string;
  district_id: string;
  purpose: InquiryPurpose;
  letter_number: string | null;
  letter_date: ColumnType<string | null, string | null | undefined, string | null>;
  requester_kind: 'api_client' | 'office';
  requester_api_client_id: string | null;
  requester_office_id: string | null;
  requester_user_id: string | null;
  status: InquiryStatus;
  auto_issued: boolean;
  decision: Json<unknown>;
  settings_id: string;
  certificate_id: string | null;
  idempotency_key: string | null;
  request_hash: string | null;
  first_status: number;
  created_at: Timestamp;
  decided_at: NullableTimestamp;
}

export interface Database {
  municipalities: MunicipalitiesTable;
  districts: DistrictsTable;
  offices: OfficesTable;
  users: UsersTable;
  api_clients: ApiClientsTable;
  sessions: SessionsTable;
  otp_challenges: OtpChallengesTable;
  owners: OwnersTable;
  parcels: ParcelsTable;
  ownerships: OwnershipsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  audit_heads: AuditHeadsTable;
  gis_layers: GisLayersTable;
  zones: ZonesTable;
  overlays: OverlaysTable;
  parcel_zones: ParcelZonesTable;
  parcel_overlays: ParcelOverlaysTable;
  zoning_rule_sets: ZoningRuleSetsTable;
  permit_fee_tariffs: PermitFeeTariffsTable;
  holidays: HolidaysTable;
  services: ServicesTable;
  service_versions: ServiceVersionsTable;
  service_districts: ServiceDistrictsTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  case_documents: CaseDocumentsTable;
  case_counters: CaseCountersTable;
  office_consents: OfficeConsentsTable;
  notifications: NotificationsTable;
  jobs: JobsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  certificate_signing_keys: CertificateSigningKeysTable;
  certificate_counters: CertificateCountersTable;
  certificates: CertificatesTable;
  dues_settings: DuesSettingsTable;
  dues_tariffs: DuesTariffsTable;
  dues_amnesties: DuesAmnestiesTable;
  dues_parcel_flags: DuesParcelFlagsTable;
  dues_assessment_runs: DuesAssessmentRunsTable;
  dues_assessment_chunks: DuesAssessmentChunksTable;
  bills: BillsTable;
  ledger_entries: LedgerEntriesTable;
  ledger_lines: LedgerLinesTable;
  payments: PaymentsTable;
  payment_items: PaymentItemsTable;
  payment_events: PaymentEventsTable;
  payment_mismatches: PaymentMismatchesTable;
  parcel_violations: ParcelViolationsTable;
  inquiry_settings: InquirySettingsTable;
  inquiries: InquiriesTable;
}

/** A database handle or an open transaction: repositories accept either, so a use case can pass its transaction down. */
export type Db = Kysely<Database> | Transaction<Database>;

export type Municipality = Selectable<MunicipalitiesTable>;
export type District = Selectable<DistrictsTable>;
export type Office = Selectable<OfficesTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type ApiClient = Selectable<ApiClientsTable>;
export type Session = Selectable<SessionsTable>;
export type Owner = Selectable<OwnersTable>;
export type Parcel = Selectable<ParcelsTable>;
export type Ownership = Selectable<OwnershipsTable>;
export type AuditRow = Selectable<AuditLogTable>;
