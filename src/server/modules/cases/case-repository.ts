import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { CasesTable, Db } from '../../db/schema.js';

export const CASE_COLUMNS = [
  'cases.id',
  'cases.municipality_id',
  'cases.district_id',
  'cases.service_id',
  'cases.service_version_id',
  'cases.parcel_id',
  'cases.applicant_national_id',
  'cases.applicant_mobile',
  'cases.applicant_user_id',
  'cases.filed_by_user_id',
  'cases.filed_by_office_id',
  'cases.filed_by_api_client_id',
  'cases.consent_method',
  'cases.state',
  'cases.outcome',
  'cases.form_data',
  'cases.returned_items',
  'cases.visit_findings',
  'cases.tracking_code',
  'cases.file_number',
  'cases.assignee_user_id',
  'cases.sla',
  'cases.deadline_at',
  'cases.escalated_at',
  'cases.version',
  'cases.created_at',
  'cases.updated_at',
  'cases.submitted_at',
  'cases.closed_at',
] as const;

export function findCase(db: Db, municipalityId: string, caseId: string) {
  return db
    .selectFrom('cases')
    .innerJoin('services', 'services.id', 'cases.service_id')
    .innerJoin('service_versions', 'service_versions.id', 'cases.service_version_id')
    .select([...CASE_COLUMNS, 'services.code as service_code', 'service_versions.definition'])
    .where('cases.municipality_id', '=', municipalityId)
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
}

export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export function findCaseByTrackingCode(db: Db, trackingCode: string) {
  return db
    .selectFrom('cases')
    .innerJoin('services', 'services.id', 'cases.service_id')
    .innerJoin('service_versions', 'service_versions.id', 'cases.service_version_id')
    .select([...CASE_COLUMNS, 'services.code as service_code', 'service_versions.definition'])
    .where('cases.tracking_code', '=', trackingCode)
    .executeTakeFirst();
}

/**
 * Applies a change only if nobody changed the case since it was read (optimistic concurrency on `version`):
 * of two staff acting at once, one wins and the other gets a conflict; nothing is applied twice.
 */
export async function updateCaseIfUnchanged(
  trx: Db,
  caseId: string,
  expectedVersion: number,
  changes: Record<string, unknown>,
  at: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('cases')
    .set({ ...changes, version: expectedVersion + 1, updated_at: at } as never)
    .where('id', '=', caseId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives a submitted case its tracking code and file number (the row is already locked by this transaction). */
export async function setCaseNumbers(
  trx: Db,
  caseId: string,
  numbers: { trackingCode: string; fileNumber: string },
): Promise<void> {
  await trx
    .updateTable('cases')
    .set({ tracking_code: numbers.trackingCode, file_number: numbers.fileNumber })
    .where('id', '=', caseId)
    .execute();
}

export async function insertCaseEvent(
  trx: Db,
  event: {
    municipalityId: string;
    caseId: string;
    at: Date;
    actorKind: 'applicant' | 'office' | 'staff' | 'system';
    actorRole: string | null;
    actorUserId: string | null;
    officeId: string | null;
    action: string;
    fromState: string | null;
    toState: string | null;
    reason?: string | null;
    details?: Record<string, unknown>;
  },
) {
  await trx
    .insertInto('case_events')
    .values({
      municipality_id: event.municipalityId,
      case_id: event.caseId,
      at: event.at,
      actor_kind: event.actorKind,
      actor_role: event.actorRole,
      actor_user_id: event.actorUserId,
      office_id: event.officeId,
      action: event.action,
      from_state: event.fromState,
      to_state: event.toState,
      reason: event.reason ?? null,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}

export function listCaseEvents(db: Db, caseId: string) {
  return db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

/** The next serial of a counter (file numbers per district, tracking codes per day), safe under concurrency. */
export async function nextSerial(trx: Db, municipalityId: string, scope: string): Promise<number> {
  const { rows } = await sql<{ last_serial: string }>`
    INSERT INTO case_counters (municipality_id, scope, last_serial) VALUES (${municipalityId}, ${scope}, 1)
    ON CONFLICT (municipality_id, scope) DO UPDATE SET last_serial = case_counters.last_serial + 1
    RETURNING last_serial`.execute(trx);
  return Number(rows[0].last_serial);
}

export function listCaseDocuments(db: Db, caseId: string) {
  return db
    .selectFrom('case_documents')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('replaced_at', 'is', null)
    .orderBy('uploaded_at')
    .execute();
}

/** Active staff of a district holding one of these roles: who a case there can be assigned to. */
export function listAssignableStaff(db: Db, municipalityId: string, districtId: string, roles: string[]) {
  if (roles.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'full_name', 'roles'])
    .where('municipality_id', '=', municipalityId)
    .where('district_id', '=', districtId)
    .where('kind', '=', 'staff')
    .where('is_active', '=', true)
    .where(sql<boolean>`roles && ${sql.val(roles)}::text[]`)
    .orderBy('full_name')
    .execute();
}

/** Inserts a new case row (a draft); the caller records its `created` event and audit in the same transaction. */
export async function insertCase(trx: Db, values: Insertable<CasesTable>): Promise<string> {
  const row = await trx.insertInto('cases').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
