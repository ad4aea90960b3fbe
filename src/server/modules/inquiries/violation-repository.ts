import type { Db, ViolationKind } from '../../db/schema.js';

// Building violations and Article 100 cases per parcel (table parcel_violations). -----------------------------------------------------------------------------------------------

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
