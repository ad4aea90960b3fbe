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
  applicant_national_id: string;
  applicant_mobile: string;
  applicant_user_id: string | null;
  filed_by_user_id: string;
  filed_by_office_id: string | null;
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
  certificate_signing_keys: CertificateSigningKeysTable;
  certificate_counters: CertificateCountersTable;
  certificates: CertificatesTable;
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
