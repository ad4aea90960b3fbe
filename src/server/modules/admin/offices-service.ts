import type { Db, OfficeKind } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import type { StaffPrincipal } from '../../http/principal.js';
import { recordAudit } from '../audit/record-audit.js';
import { type AdminContext, optionalText, requiredText } from './context.js';
import {
  findOffice,
  insertOffice,
  licenseNoTaken,
  listOffices,
  revokeOfficeOperatorSessions,
  updateOffice,
} from './repository-offices.js';
import { insertPasswordUser, listOfficeOperators } from './repository-users.js';
import { orDuplicate } from './unique-violation.js';
import { assertDistrictOfMunicipality, assertUsernameFree, hashNewPassword } from './user-accounts.js';

async function office(db: Db, municipalityId: string, officeId: string) {
  const row = await findOffice(db, municipalityId, officeId);
  if (!row) throw notFound('office');
  return row;
}

export function listMunicipalityOffices(db: Db, input: { viewer: StaffPrincipal }) {
  return listOffices(db, input.viewer.municipalityId);
}

/** Registers an office (notary, counter, e-service office, kiosk, bank branch); its licence number must be new. */
export async function createOffice(
  db: Db,
  input: AdminContext & { kind: OfficeKind; name: string; licenseNo: string; districtId?: string | null },
) {
  const municipalityId = input.admin.municipalityId;
  const name = requiredText('name', input.name);
  const licenseNo = requiredText('licenseNo', input.licenseNo);
  const districtId = input.districtId ?? null;
  return db.transaction().execute(async (trx) => {
    await assertDistrictOfMunicipality(trx, municipalityId, districtId);
    if (await licenseNoTaken(trx, municipalityId, licenseNo))
      throw new AppError('duplicate', { field: 'licenseNo' });
    const { id } = await orDuplicate(
      'licenseNo',
      insertOffice(trx, {
        municipality_id: municipalityId,
        kind: input.kind,
        name,
        license_no: licenseNo,
        district_id: districtId,
        created_at: input.at,
      }),
    );
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'admin.office_created',
        entityType: 'office',
        entityId: id,
        details: { kind: input.kind, name, licenseNo, districtId },
      },
      input.at,
    );
    return office(trx, municipalityId, id);
  });
}

/** Renames an office or (de)activates it; deactivating ends every session of its operators at once. */
export async function updateOfficeDetails(
  db: Db,
  input: AdminContext & { officeId: string; name?: string; isActive?: boolean },
) {
  const municipalityId = input.admin.municipalityId;
  const name = optionalText('name', input.name);
  return db.transaction().execute(async (trx) => {
    const before = await office(trx, municipalityId, input.officeId);
    await updateOffice(trx, municipalityId, input.officeId, { name, is_active: input.isActive });
    const deactivated = input.isActive === false && before.is_active;
    const revokedSessions = deactivated
      ? await revokeOfficeOperatorSessions(trx, municipalityId, input.officeId, input.at)
      : 0;
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'admin.office_updated',
        entityType: 'office',
        entityId: input.officeId,
        details: {
          before: { name: before.name, isActive: before.is_active },
          after: { name, isActive: input.isActive },
          revokedSessions,
        },
      },
      input.at,
    );
    return office(trx, municipalityId, input.officeId);
  });
}

export async function listOperatorsOfOffice(db: Db, input: { viewer: StaffPrincipal; officeId: string }) {
  await office(db, input.viewer.municipalityId, input.officeId);
  return listOfficeOperators(db, input.viewer.municipalityId, input.officeId);
}

/** Creates an operator account for an office; operators sign in with a username and password like staff. */
export async function createOfficeOperator(
  db: Db,
  input: AdminContext & { officeId: string; username: string; fullName: string; password: string },
) {
  const municipalityId = input.admin.municipalityId;
  const fullName = requiredText('fullName', input.fullName);
  const passwordHash = await hashNewPassword(input.password);
  return db.transaction().execute(async (trx) => {
    await office(trx, municipalityId, input.officeId);
    await assertUsernameFree(trx, municipalityId, input.username);
    const user = await orDuplicate(
      'username',
      insertPasswordUser(trx, {
        municipality_id: municipalityId,
        kind: 'office_operator',
        username: input.username,
        password_hash: passwordHash,
        full_name: fullName,
        roles: [],
        district_id: null,
        office_id: input.officeId,
        created_at: input.at,
      }),
    );
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'admin.office_operator_created',
        entityType: 'user',
        entityId: user.id,
        details: { officeId: input.officeId, username: input.username },
      },
      input.at,
    );
    return user;
  });
}
