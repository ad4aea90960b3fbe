import type { Db } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { findMunicipalityByCode, listMunicipalityIds } from './repository.js';

/**
 * Which municipality a sign-in is for: the code the caller gave, else DEFAULT_MUNICIPALITY, else the only one
 * the deployment serves. A deployment with several and no default makes the caller say.
 */
export async function resolveMunicipality(db: Db, code: string | undefined, defaultCode: string | undefined) {
  const wanted = code ?? defaultCode;
  if (wanted) {
    const municipality = await findMunicipalityByCode(db, wanted);
    if (!municipality) throw new AppError('municipality_unknown', { code: wanted }, { code: wanted });
    return { id: municipality.id, code: municipality.code };
  }
  const all = await listMunicipalityIds(db, 2);
  if (all.length === 1) return all[0];
  throw new AppError(all.length === 0 ? 'service_unavailable' : 'municipality_required');
}
