import type { AppDeps } from '../../app-deps.js';
import type { Db, ViolationKind } from '../../db/schema.js';
import { AppError, invalidField, notFound } from '../../http/errors.js';
import type { StaffPrincipal } from '../../http/principal.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { staffMaySeeDistrict } from '../parcels/policies.js';
import { municipalityDay } from './parcel-record.js';
import { mayCloseViolation, mayRecordViolation } from './policies.js';
import { findParcelForInquiry } from './repository.js';
import {
  closeViolation,
  findViolationForUpdate,
  insertViolation,
  listParcelViolations,
} from './violation-repository.js';

/** The parcel if this staff member may see its district; 404 otherwise. */
async function visibleParcel(db: Db, staff: StaffPrincipal, parcelId: string) {
  const parcel = await findParcelForInquiry(db, staff.municipalityId, parcelId);
  if (!parcel || !staffMaySeeDistrict(staff, parcel.district_id)) throw notFound('parcel');
  return parcel;
}

export async function listViolations(db: Db, staff: StaffPrincipal, parcelId: string) {
  const parcel = await visibleParcel(db, staff, parcelId);
  return listParcelViolations(db, staff.municipalityId, parcel.id);
}

/** Records a building violation or an Article 100 case on a parcel of the staff member's district (audited). */
export async function recordViolation(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  input: {
    staff: StaffPrincipal;
    actor: Actor;
    parcelId: string;
    kind: ViolationKind;
    description: string;
    openedOn: string;
  },
) {
  return deps.db.transaction().execute(async (trx) => {
    const parcel = await visibleParcel(trx, input.staff, input.parcelId);
    if (!mayRecordViolation(input.staff, parcel.district_id)) throw new AppError('forbidden');
    const at = deps.clock.now();
    const { today } = await municipalityDay(trx, input.staff.municipalityId, at);
    if (input.openedOn > today) throw invalidField('openedOn', 'not_in_future');
    const row = await insertViolation(trx, {
      municipalityId: input.staff.municipalityId,
      parcelId: parcel.id,
      districtId: parcel.district_id,
      kind: input.kind,
      description: input.description,
      openedOn: input.openedOn,
      recordedBy: input.staff.userId,
    });
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'violation.recorded',
        entityType: 'parcel_violation',
        entityId: row.id,
        details: { parcelId: parcel.id, kind: input.kind, openedOn: input.openedOn },
      },
      at,
    );
    return row;
  });
}

/** Closes an open violation or Article 100 case with its date and reason (audited); 409 when already closed. */
export async function closeParcelViolation(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  input: { staff: StaffPrincipal; actor: Actor; violationId: string; closedOn: string; reason: string },
) {
  return deps.db.transaction().execute(async (trx) => {
    const violation = await findViolationForUpdate(trx, input.staff.municipalityId, input.violationId);
    if (!violation || !staffMaySeeDistrict(input.staff, violation.district_id)) throw notFound('violation');
    if (!mayCloseViolation(input.staff, violation.district_id)) throw new AppError('forbidden');
    if (violation.closed_on !== null) throw new AppError('violation_already_closed');
    const at = deps.clock.now();
    const { today } = await municipalityDay(trx, input.staff.municipalityId, at);
    if (input.closedOn > today) throw invalidField('closedOn', 'not_in_future');
    if (input.closedOn < violation.opened_on) throw invalidField('closedOn', 'before_opened');
    const row = await closeViolation(trx, {
      id: violation.id,
      closedOn: input.closedOn,
      reason: input.reason,
      closedBy: input.staff.userId,
    });
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'violation.closed',
        entityType: 'parcel_violation',
        entityId: violation.id,
        details: { parcelId: violation.parcel_id, closedOn: input.closedOn },
      },
      at,
    );
    return row;
  });
}
