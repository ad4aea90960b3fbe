import type { Db } from '../../db/schema.js';
import { addDaysIso, localDateOf, zonedInstant } from '../cases/calendar/zoned-time.js';
import { type ParcelDebts, whatParcelOwes } from '../dues/parcel-debts.js';
import { listParcelRecordCertificates } from './repository.js';
import type { ParcelRecord } from './rules/decide-auto-issuance.js';
import { addJalaliMonths } from './rules/jalali-months.js';
import { listParcelViolations, type ViolationRow } from './violation-repository.js';

export interface ParcelRecordFacts {
  record: ParcelRecord;
  debts: ParcelDebts;
  violations: ViolationRow[];
  certificates: Awaited<ReturnType<typeof listParcelRecordCertificates>>;
}

/** The municipality's calendar day of an instant, and its time zone. */
export async function municipalityDay(db: Db, municipalityId: string, at: Date) {
  const row = await db
    .selectFrom('municipalities')
    .select('timezone')
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  return { today: localDateOf(at.getTime(), row.timezone), timeZone: row.timezone };
}

/** The end of a validity of `months` Jalali months from `today` (inclusive): midnight after that day, local time. */
export function validUntilAfterMonths(today: string, months: number, timeZone: string): Date {
  return new Date(zonedInstant(addDaysIso(addJalaliMonths(today, months), 1), 0, timeZone));
}

/**
 * Everything the auto-issuance rule and the certificate's findings read about a parcel at an instant: what it owes
 * (`whatParcelOwes`, the dues module's one answer), its violations and Article 100 cases, and its certificates.
 */
export async function loadParcelRecord(
  db: Db,
  input: { municipalityId: string; parcelId: string; at: Date; timeZone: string },
): Promise<ParcelRecordFacts> {
  const debts = await whatParcelOwes(db, {
    municipalityId: input.municipalityId,
    parcelId: input.parcelId,
    asOf: input.at,
  });
  const violations = await listParcelViolations(db, input.municipalityId, input.parcelId);
  const certificates = await listParcelRecordCertificates(db, input.municipalityId, input.parcelId);
  const dayOf = (at: Date) => localDateOf(at.getTime(), input.timeZone);
  const record: ParcelRecord = {
    owed: {
      totalRials: debts.totalRials,
      items: debts.items.map((item) => ({
        kind: item.kind,
        year: item.year,
        payableRials: item.payableRials,
      })),
    },
    violations: violations.map((v) => ({ kind: v.kind, openedOn: v.opened_on, closedOn: v.closed_on })),
    responses: certificates
      .filter((c) => c.kind === 'inquiry_response')
      .map((c) => ({
        number: c.number,
        issuedOn: dayOf(c.issued_at),
        outcome: c.outcome,
        revoked: c.status === 'revoked',
      })),
    completions: certificates
      .filter((c) => c.kind === 'completion')
      .map((c) => ({ number: c.number, issuedOn: dayOf(c.issued_at), revoked: c.status === 'revoked' })),
  };
  return { record, debts, violations, certificates };
}
