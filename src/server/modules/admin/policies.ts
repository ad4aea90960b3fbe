import { AppError } from '../../http/errors.js';
import type { StaffPrincipal, StaffRole } from '../../http/principal.js';

/** Roles whose holder works inside one district, so their account must name it. */
export const DISTRICT_ROLES: readonly StaffRole[] = ['clerk', 'expert', 'inspector', 'district_manager'];

export function needsDistrict(roles: readonly StaffRole[]): boolean {
  return roles.some((role) => DISTRICT_ROLES.includes(role));
}

/**
 * An administrator may not take away their own admin role or deactivate themselves: the municipality could be
 * left with nobody able to administer it. Another admin has to do it.
 */
export function assertNotLockingSelfOut(
  admin: StaffPrincipal,
  targetUserId: string,
  change: { roles?: readonly StaffRole[]; isActive?: boolean },
): void {
  if (targetUserId !== admin.userId) return;
  if (change.isActive === false)
    throw new AppError('cannot_lock_yourself_out', { reason: 'cannot_deactivate_self' });
  if (change.roles && !change.roles.includes('admin'))
    throw new AppError('cannot_lock_yourself_out', { reason: 'cannot_remove_own_admin_role' });
}

/** Whether two role lists hold the same roles, in any order. */
export function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((role) => right.has(role));
}
