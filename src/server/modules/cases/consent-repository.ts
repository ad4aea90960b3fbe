import type { Db } from '../../db/schema.js';

export function insertOfficeConsent(
  trx: Db,
  consent: {
    municipalityId: string;
    officeId: string;
    operatorUserId: string;
    nationalId: string;
    mobile: string;
    serviceCode: string;
    method: 'otp' | 'in_person';
    at: Date;
    expiresAt: Date;
  },
) {
  return trx
    .insertInto('office_consents')
    .values({
      municipality_id: consent.municipalityId,
      office_id: consent.officeId,
      operator_user_id: consent.operatorUserId,
      national_id: consent.nationalId,
      mobile: consent.mobile,
      service_code: consent.serviceCode,
      method: consent.method,
      created_at: consent.at,
      expires_at: consent.expiresAt,
    })
    .returning(['id', 'expires_at'])
    .executeTakeFirstOrThrow();
}

/** An office's own consent record (another office's is not found); locked when filing uses it. */
export function findOfficeConsent(
  db: Db,
  scope: { municipalityId: string; officeId: string },
  consentId: string,
  options: { lock?: boolean } = {},
) {
  let query = db
    .selectFrom('office_consents')
    .selectAll()
    .where('municipality_id', '=', scope.municipalityId)
    .where('office_id', '=', scope.officeId)
    .where('id', '=', consentId);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function markOfficeConsentUsed(trx: Db, consentId: string, caseId: string, at: Date) {
  await trx
    .updateTable('office_consents')
    .set({ used_at: at, case_id: caseId })
    .where('id', '=', consentId)
    .execute();
}

/** Which of these districts a service is live in. */
export async function districtsWhereLive(db: Db, serviceId: string, districtIds: string[]) {
  if (districtIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('service_districts')
    .select('district_id')
    .where('service_id', '=', serviceId)
    .where('district_id', 'in', districtIds)
    .execute();
  return new Set(rows.map((row) => row.district_id));
}
