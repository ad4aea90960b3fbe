import type { Db } from '../../db/schema.js';
import { invalidField, notFound } from '../../http/errors.js';
import type { StaffPrincipal, StaffRole } from '../../http/principal.js';
import { revokeUserSessions } from '../accounts/session-repository.js';
import { recordAudit } from '../audit/record-audit.js';
import { type AdminContext, optionalText, requiredText } from './context.js';
import { assertNotLockingSelfOut, needsDistrict, sameRoles } from './policies.js';
import { findUser, insertPasswordUser, listStaff, updateUser } from './repository-users.js';
import { orDuplicate } from './unique-violation.js';
import { assertDistrictOfMunicipality, assertUsernameFree, hashNewPassword } from './user-accounts.js';

/** District roles need a district of this municipality; municipality-wide roles may have none. */
async function assertDistrictFits(
  db: Db,
  municipalityId: string,
  roles: StaffRole[],
  districtId: string | null,
) {
  if (needsDistrict(roles) && !districtId) throw invalidField('districtId', 'required');
  await assertDistrictOfMunicipality(db, municipalityId, districtId);
}

async function staffMember(db: Db, municipalityId: string, userId: string) {
  const user = await findUser(db, municipalityId, userId, 'staff');
  if (!user) throw notFound('staff');
  return user;
}

export function listStaffMembers(
  db: Db,
  input: {
    viewer: StaffPrincipal;
    districtId?: string;
    role?: StaffRole;
    q?: string;
    limit: number;
    offset: number;
  },
) {
  const { viewer, q, ...filters } = input;
  return listStaff(db, { ...filters, q: q?.trim() || undefined, municipalityId: viewer.municipalityId });
}

/** Creates a staff account that signs in with a username and password. */
export async function createStaffMember(
  db: Db,
  input: AdminContext & {
    username: string;
    fullName: string;
    password: string;
    roles: StaffRole[];
    districtId?: string | null;
  },
) {
  const municipalityId = input.admin.municipalityId;
  const fullName = requiredText('fullName', input.fullName);
  const roles = [...new Set(input.roles)];
  const districtId = input.districtId ?? null;
  const passwordHash = await hashNewPassword(input.password);
  return db.transaction().execute(async (trx) => {
    await assertDistrictFits(trx, municipalityId, roles, districtId);
    await assertUsernameFree(trx, municipalityId, input.username);
    const user = await orDuplicate(
      'username',
      insertPasswordUser(trx, {
        municipality_id: municipalityId,
        kind: 'staff',
        username: input.username,
        password_hash: passwordHash,
        full_name: fullName,
        roles,
        district_id: districtId,
        office_id: null,
        created_at: input.at,
      }),
    );
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'admin.staff_created',
        entityType: 'user',
        entityId: user.id,
        details: { username: input.username, roles, districtId },
      },
      input.at,
    );
    return user;
  });
}

/**
 * Changes a staff member's name, roles, district or whether the account is active. Deactivating the account or
 * changing its roles ends all its sessions, so the change takes effect at once.
 */
export async function updateStaffMember(
  db: Db,
  input: AdminContext & {
    userId: string;
    fullName?: string;
    roles?: StaffRole[];
    districtId?: string | null;
    isActive?: boolean;
  },
) {
  const municipalityId = input.admin.municipalityId;
  const fullName = optionalText('fullName', input.fullName);
  const roles = input.roles ? [...new Set(input.roles)] : undefined;
  return db.transaction().execute(async (trx) => {
    const before = await staffMember(trx, municipalityId, input.userId);
    assertNotLockingSelfOut(input.admin, input.userId, { roles, isActive: input.isActive });
    const districtId = input.districtId === undefined ? before.district_id : input.districtId;
    await assertDistrictFits(trx, municipalityId, (roles ?? before.roles) as StaffRole[], districtId);
    const rolesChanged = roles !== undefined && !sameRoles(roles, before.roles);
    const deactivated = input.isActive === false && before.is_active;
    await updateUser(
      trx,
      municipalityId,
      input.userId,
      { full_name: fullName, roles, district_id: input.districtId, is_active: input.isActive },
      input.at,
    );
    const revokedSessions =
      rolesChanged || deactivated ? await revokeUserSessions(trx, municipalityId, input.userId, input.at) : 0;
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'admin.staff_updated',
        entityType: 'user',
        entityId: input.userId,
        details: {
          before: {
            fullName: before.full_name,
            roles: before.roles,
            districtId: before.district_id,
            isActive: before.is_active,
          },
          after: { fullName, roles, districtId: input.districtId, isActive: input.isActive },
          revokedSessions,
        },
      },
      input.at,
    );
    return staffMember(trx, municipalityId, input.userId);
  });
}

/** Sets a new password for a staff member and ends their sessions; the password itself is never recorded. */
export async function setStaffPassword(db: Db, input: AdminContext & { userId: string; password: string }) {
  const municipalityId = input.admin.municipalityId;
  const passwordHash = await hashNewPassword(input.password);
  await db.transaction().execute(async (trx) => {
    await staffMember(trx, municipalityId, input.userId);
    await updateUser(trx, municipalityId, input.userId, { password_hash: passwordHash }, input.at);
    const revokedSessions = await revokeUserSessions(trx, municipalityId, input.userId, input.at);
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'admin.staff_password_set',
        entityType: 'user',
        entityId: input.userId,
        details: { revokedSessions },
      },
      input.at,
    );
  });
}

/** Lifts a lock-out after too many wrong passwords, so the staff member can sign in again at once. */
export async function unlockStaffMember(db: Db, input: AdminContext & { userId: string }) {
  const municipalityId = input.admin.municipalityId;
  await db.transaction().execute(async (trx) => {
    const before = await staffMember(trx, municipalityId, input.userId);
    await updateUser(trx, municipalityId, input.userId, { failed_logins: 0, locked_until: null }, input.at);
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'admin.staff_unlocked',
        entityType: 'user',
        entityId: input.userId,
        details: {
          failedLogins: before.failed_logins,
          lockedUntil: before.locked_until?.toISOString() ?? null,
        },
      },
      input.at,
    );
  });
}
