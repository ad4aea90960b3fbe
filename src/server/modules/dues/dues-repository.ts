import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';
import type { Amnesty } from './rules/charges.js';
import type { DuesTariff } from './rules/tariff.js';

/**
 * The municipality's bill settings, created on first use. The company code defaults to the municipality's number
 * (mod 1000) until finance staff set the code the payment switch assigned.
 */
export async function lockBillCounter(trx: Db, municipalityId: string) {
  await ensureBillSettings(trx, municipalityId);
  const row = await trx
    .selectFrom('dues_settings')
    .select(['bill_company_code', 'last_bill_serial'])
    .where('municipality_id', '=', municipalityId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { companyCode: row.bill_company_code, lastSerial: Number(row.last_bill_serial) };
}

async function ensureBillSettings(trx: Db, municipalityId: string): Promise<void> {
  await sql`
    INSERT INTO dues_settings (municipality_id, bill_company_code)
    SELECT id, lpad((number % 1000)::text, 3, '0') FROM municipalities WHERE id = ${municipalityId}
    ON CONFLICT (municipality_id) DO NOTHING`.execute(trx);
}

export const LAST_BILL_SERIAL = 99_999_999;

/**
 * Takes the next `count` bill serials of the municipality for a caller that commits right after, so the counter's
 * row is locked for milliseconds, not for the billing that uses them. Returns the first of them.
 */
export async function reserveBillSerials(trx: Db, municipalityId: string, count: number): Promise<number> {
  await ensureBillSettings(trx, municipalityId);
  const row = await trx
    .updateTable('dues_settings')
    .set({ last_bill_serial: sql`last_bill_serial + ${count}` })
    .where('municipality_id', '=', municipalityId)
    .where(sql<boolean>`last_bill_serial + ${count} <= ${LAST_BILL_SERIAL}`)
    .returning('last_bill_serial')
    .executeTakeFirst();
  if (!row) throw new Error('the bill serial of this municipality is exhausted (8 digits)');
  return Number(row.last_bill_serial) - count + 1;
}

/** The municipality's company code at the payment switch (the bill settings must exist). */
export async function billCompanyCode(db: Db, municipalityId: string): Promise<string> {
  const row = await db
    .selectFrom('dues_settings')
    .select('bill_company_code')
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  return row.bill_company_code;
}

export async function advanceBillCounter(trx: Db, municipalityId: string, used: number): Promise<void> {
  if (used === 0) return;
  await trx
    .updateTable('dues_settings')
    .set({ last_bill_serial: sql`last_bill_serial + ${used}` })
    .where('municipality_id', '=', municipalityId)
    .execute();
}

export async function setCompanyCode(trx: Db, municipalityId: string, code: string): Promise<void> {
  await trx
    .insertInto('dues_settings')
    .values({ municipality_id: municipalityId, bill_company_code: code })
    .onConflict((oc) => oc.column('municipality_id').doUpdateSet({ bill_company_code: code }))
    .execute();
}

export interface TariffRow {
  id: string;
  duesYear: number;
  resolutionNo: string;
  tariff: DuesTariff;
  createdAt: Date;
}

function toTariff(row: {
  id: string;
  dues_year: number;
  resolution_no: string;
  tariff: unknown;
  created_at: Date;
}) {
  return {
    id: row.id,
    duesYear: row.dues_year,
    resolutionNo: row.resolution_no,
    tariff: row.tariff as DuesTariff,
    createdAt: row.created_at,
  };
}

/** The tariff in force for a dues year: the one with the latest year ≤ it. */
export async function findTariffForYear(db: Db, municipalityId: string, duesYear: number) {
  const row = await db
    .selectFrom('dues_tariffs')
    .select(['id', 'dues_year', 'resolution_no', 'tariff', 'created_at'])
    .where('municipality_id', '=', municipalityId)
    .where('dues_year', '<=', duesYear)
    .orderBy('dues_year', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toTariff(row) : undefined;
}

export async function listTariffs(db: Db, municipalityId: string): Promise<TariffRow[]> {
  const rows = await db
    .selectFrom('dues_tariffs')
    .select(['id', 'dues_year', 'resolution_no', 'tariff', 'created_at'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('dues_year')
    .execute();
  return rows.map(toTariff);
}

export async function findTariffsById(db: Db, municipalityId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, TariffRow>();
  const rows = await db
    .selectFrom('dues_tariffs')
    .select(['id', 'dues_year', 'resolution_no', 'tariff', 'created_at'])
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, toTariff(row)]));
}

/** Adds or replaces a year's tariff; replacing one that bills were assessed under is refused by the caller. */
export async function upsertTariff(
  trx: Db,
  input: { municipalityId: string; duesYear: number; tariff: DuesTariff; createdBy: string | null },
) {
  return trx
    .insertInto('dues_tariffs')
    .values({
      municipality_id: input.municipalityId,
      dues_year: input.duesYear,
      resolution_no: input.tariff.resolutionNo,
      tariff: JSON.stringify(input.tariff),
      created_by: input.createdBy,
    })
    .onConflict((oc) =>
      oc.columns(['municipality_id', 'dues_year']).doUpdateSet({
        resolution_no: input.tariff.resolutionNo,
        tariff: JSON.stringify(input.tariff),
        created_by: input.createdBy,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function tariffHasBills(db: Db, municipalityId: string, duesYear: number): Promise<boolean> {
  const row = await db
    .selectFrom('bills')
    .innerJoin('dues_tariffs', 'dues_tariffs.id', 'bills.tariff_id')
    .select('bills.id')
    .where('dues_tariffs.municipality_id', '=', municipalityId)
    .where('dues_tariffs.dues_year', '=', duesYear)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function listAmnesties(
  db: Db,
  municipalityId: string,
): Promise<(Amnesty & { id: string; title: string; resolutionNo: string })[]> {
  const rows = await db
    .selectFrom('dues_amnesties')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('starts_on')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    title: row.title,
    resolutionNo: row.resolution_no,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    duesYearsUpTo: row.dues_years_up_to,
    penaltyWaiverPct: row.penalty_waiver_pct,
  }));
}

export async function insertAmnesty(
  trx: Db,
  municipalityId: string,
  amnesty: Amnesty & { title: string; resolutionNo: string },
) {
  return trx
    .insertInto('dues_amnesties')
    .values({
      municipality_id: municipalityId,
      code: amnesty.code,
      title: amnesty.title,
      resolution_no: amnesty.resolutionNo,
      starts_on: amnesty.startsOn,
      ends_on: amnesty.endsOn,
      dues_years_up_to: amnesty.duesYearsUpTo,
      penalty_waiver_pct: amnesty.penaltyWaiverPct,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function replaceParcelFlags(trx: Db, municipalityId: string, parcelId: string, flags: string[]) {
  await trx.deleteFrom('dues_parcel_flags').where('parcel_id', '=', parcelId).execute();
  if (flags.length > 0)
    await trx
      .insertInto('dues_parcel_flags')
      .values(flags.map((flag) => ({ municipality_id: municipalityId, parcel_id: parcelId, flag })))
      .execute();
}

export function listParcelFlags(db: Db, municipalityId: string, parcelId: string) {
  return db
    .selectFrom('dues_parcel_flags')
    .select('flag')
    .where('municipality_id', '=', municipalityId)
    .where('parcel_id', '=', parcelId)
    .orderBy('flag')
    .execute()
    .then((rows) => rows.map((row) => row.flag));
}

/** Demo data: gives every `every`-th parcel of a district (in id order) a flag. */
export async function flagEveryNthParcel(
  db: Db,
  input: { municipalityId: string; districtNumber: number; flag: string; every: number },
) {
  await sql`
    INSERT INTO dues_parcel_flags (municipality_id, parcel_id, flag)
    SELECT p.municipality_id, p.id, ${input.flag}
    FROM (SELECT p.municipality_id, p.id, row_number() OVER (ORDER BY p.id) AS n
          FROM parcels p JOIN districts d ON d.id = p.district_id
          WHERE p.municipality_id = ${input.municipalityId} AND d.number = ${input.districtNumber}) p
    WHERE p.n % ${input.every} = 0
    ON CONFLICT DO NOTHING`.execute(db);
}
