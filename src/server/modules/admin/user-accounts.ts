import type { Db } from '../../db/schema.js';
import { AppError, invalidField } from '../../http/errors.js';
import { hashPassword, passwordProblem } from '../accounts/passwords.js';
import { districtExists } from './repository-districts.js';
import { usernameTaken } from './repository-users.js';

/** Checks a new password against the rules and hashes it (slow: call it before opening a transaction). */
export async function hashNewPassword(password: string): Promise<string> {
  const problem = passwordProblem(password);
  if (problem) throw invalidField('password', problem);
  return hashPassword(password);
}

export async function assertUsernameFree(db: Db, municipalityId: string, username: string): Promise<void> {
  if (await usernameTaken(db, municipalityId, username))
    throw new AppError('duplicate', { field: 'username' });
}

/** A district named in a request body must be one of this municipality's; another municipality's is refused. */
export async function assertDistrictOfMunicipality(
  db: Db,
  municipalityId: string,
  districtId: string | null,
): Promise<void> {
  if (districtId && !(await districtExists(db, municipalityId, districtId)))
    throw invalidField('districtId', 'invalid');
}
