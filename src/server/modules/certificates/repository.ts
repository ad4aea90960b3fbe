import { type Insertable, sql } from 'kysely';
import type { CertificatesTable, Db } from '../../db/schema.js';

/** The next serial of a municipality's certificates in a Jalali year; the row lock orders concurrent issuers. */
export async function nextCertificateSerial(trx: Db, municipalityId: string, year: number): Promise<number> {
  const { rows } = await sql<{ last_serial: string }>`
    INSERT INTO certificate_counters (municipality_id, year, last_serial) VALUES (${municipalityId}, ${year}, 1)
    ON CONFLICT (municipality_id, year) DO UPDATE SET last_serial = certificate_counters.last_serial + 1
    RETURNING last_serial`.execute(trx);
  return Number(rows[0].last_serial);
}

export function findMunicipality(db: Db, municipalityId: string) {
  return db
    .selectFrom('municipalities')
    .select(['id', 'code', 'number', 'name_fa', 'name_en', 'name_vi', 'timezone'])
    .where('id', '=', municipalityId)
    .executeTakeFirst();
}

export function findParcelForCertificate(db: Db, municipalityId: string, parcelId: string) {
  return db
    .selectFrom('parcels')
    .innerJoin('districts', 'districts.id', 'parcels.district_id')
    .select([
      'parcels.id',
      'parcels.district_id',
      'parcels.renewal_code',
      'parcels.registration_section',
      'parcels.main_plate',
      'parcels.sub_plates',
      'parcels.unit_no',
      'parcels.address',
      'parcels.postal_code',
      'parcels.land_area_m2',
      'parcels.land_use',
      'districts.number as district_number',
      'districts.name_fa as district_name_fa',
      'districts.name_en as district_name_en',
      'districts.name_vi as district_name_vi',
    ])
    .where('parcels.municipality_id', '=', municipalityId)
    .where('parcels.id', '=', parcelId)
    .executeTakeFirst();
}

export async function caseExists(db: Db, municipalityId: string, caseId: string): Promise<boolean> {
  const row = await db
    .selectFrom('cases')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', caseId)
    .executeTakeFirst();
  return row !== undefined;
}

export function insertCertificate(trx: Db, row: Insertable<CertificatesTable>) {
  return trx.insertInto('certificates').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findCertificateInMunicipality(db: Db, municipalityId: string, number: string) {
  return db
    .selectFrom('certificates')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('number', '=', number)
    .executeTakeFirst();
}

/**
 * A certificate by its number in any municipality: only for the public verification answers, which show the
 * facts printed on the certificate itself. Numbers carry the municipality's number, so they are unique overall.
 */
export function findCertificateForVerification(db: Db, number: string) {
  return db
    .selectFrom('certificates')
    .innerJoin('municipalities', 'municipalities.id', 'certificates.municipality_id')
    .selectAll('certificates')
    .select(['municipalities.code as municipality_code'])
    .where('certificates.number', '=', number)
    .executeTakeFirst();
}

export async function markRevoked(
  trx: Db,
  input: { municipalityId: string; id: string; at: Date; userId: string; reason: string },
) {
  const row = await trx
    .updateTable('certificates')
    .set({
      status: 'revoked',
      revoked_at: input.at,
      revoked_by_user_id: input.userId,
      revocation_reason: input.reason,
    })
    .where('municipality_id', '=', input.municipalityId)
    .where('id', '=', input.id)
    .where('status', '=', 'valid')
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

export function lockCertificate(trx: Db, municipalityId: string, number: string) {
  return trx
    .selectFrom('certificates')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('number', '=', number)
    .forUpdate()
    .executeTakeFirst();
}

/** Certificates of a parcel, newest first (for the issuing services' rules and the owner's cartable). */
export function listParcelCertificates(db: Db, municipalityId: string, parcelId: string) {
  return db
    .selectFrom('certificates')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('parcel_id', '=', parcelId)
    .orderBy('issued_at', 'desc')
    .execute();
}

export type CertificateRow = Awaited<ReturnType<typeof findCertificateInMunicipality>> & {};
