import type { AppDeps } from '../../app-deps.js';
import { resolveMunicipality } from '../accounts/resolve-municipality.js';
import { localDate } from './parcel-zoning.js';

/** Which municipality a public zoning request is about, and the date whose rules apply (default: today there). */
export async function publicContext(deps: AppDeps, query: { municipality?: string; date?: string }) {
  const found = await resolveMunicipality(deps.db, query.municipality, deps.config.defaultMunicipality);
  return { municipalityId: found.id, date: query.date ?? (await todayIn(deps, found.id)) };
}

/** Today's date in the municipality's own time zone. */
export async function todayIn(deps: AppDeps, municipalityId: string): Promise<string> {
  const row = await deps.db
    .selectFrom('municipalities')
    .select('timezone')
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  return localDate(deps.clock.now(), row.timezone);
}
