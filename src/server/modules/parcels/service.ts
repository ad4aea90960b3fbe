import { toLatinDigits } from '../../../shared/digits.js';
import type { Db } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import type { CitizenPrincipal, OfficePrincipal, StaffPrincipal } from '../../http/principal.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { staffDistrictScope, staffMayEditParcel, staffMaySeeDistrict } from './policies.js';
import {
  findParcel,
  isParcelOwnedBy,
  listParcelOwners,
  listParcelsOwnedBy,
  searchParcels,
  updateParcelDetails,
} from './repository.js';

/** The parcels a citizen owns a share of. */
export function listMyParcels(db: Db, citizen: CitizenPrincipal) {
  return listParcelsOwnedBy(db, citizen.municipalityId, citizen.nationalId);
}

/**
 * One parcel with its owners, for a citizen who owns a share of it or staff whose district it is in.
 * Anyone else gets 404, never a hint that the parcel exists.
 */
export async function getParcel(
  db: Db,
  viewer: CitizenPrincipal | StaffPrincipal | OfficePrincipal,
  parcelId: string,
) {
  const parcel = await findParcel(db, viewer.municipalityId, parcelId);
  if (!parcel) throw notFound('parcel');
  const allowed =
    viewer.kind === 'citizen'
      ? await isParcelOwnedBy(db, viewer.municipalityId, parcelId, viewer.nationalId)
      : viewer.kind === 'staff' && staffMaySeeDistrict(viewer, parcel.district_id);
  if (!allowed) throw notFound('parcel');
  return { parcel, owners: await listParcelOwners(db, viewer.municipalityId, parcelId) };
}

/** Staff search by renewal code, postal code or plate, within the districts they may see. */
export function findParcelsForStaff(
  db: Db,
  staff: StaffPrincipal,
  query: {
    renewalCode?: string;
    postalCode?: string;
    registrationSection?: number;
    mainPlate?: number;
    limit: number;
    offset: number;
  },
) {
  return searchParcels(db, {
    ...query,
    renewalCode: query.renewalCode ? toLatinDigits(query.renewalCode).trim() : undefined,
    postalCode: query.postalCode ? toLatinDigits(query.postalCode) : undefined,
    municipalityId: staff.municipalityId,
    districtId: staffDistrictScope(staff),
  });
}

/** A district clerk or expert corrects a parcel's postal code or address; audited with the old and new values. */
export async function correctParcelDetails(
  db: Db,
  input: {
    staff: StaffPrincipal;
    actor: Actor;
    parcelId: string;
    postalCode?: string | null;
    address?: string | null;
    at: Date;
  },
) {
  return db.transaction().execute(async (trx) => {
    const parcel = await findParcel(trx, input.staff.municipalityId, input.parcelId);
    if (!parcel || !staffMaySeeDistrict(input.staff, parcel.district_id)) throw notFound('parcel');
    if (!staffMayEditParcel(input.staff, parcel.district_id)) throw new AppError('forbidden');
    const changes: { postal_code?: string | null; address?: string | null } = {};
    if (input.postalCode !== undefined)
      changes.postal_code = input.postalCode === null ? null : toLatinDigits(input.postalCode);
    if (input.address !== undefined) changes.address = input.address;
    await updateParcelDetails(trx, input.staff.municipalityId, input.parcelId, changes, input.at);
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'parcel.details_corrected',
        entityType: 'parcel',
        entityId: input.parcelId,
        details: { before: { postalCode: parcel.postal_code, address: parcel.address }, after: changes },
      },
      input.at,
    );
    const updated = await findParcel(trx, input.staff.municipalityId, input.parcelId);
    return {
      parcel: updated!,
      owners: await listParcelOwners(trx, input.staff.municipalityId, input.parcelId),
    };
  });
}
