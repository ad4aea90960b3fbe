import type { AppDeps } from '../../app-deps.js';
import { TtlCache } from '../../cache/ttl-cache.js';
import { resolveMunicipality } from '../accounts/resolve-municipality.js';
import { localDate } from './parcel-zoning.js';

const municipalities = new TtlCache<{ id: string; timeZone: string }>(30_000);

/** Which municipality a public request is about (cached 30 s: codes and time zones hardly ever change). */
function municipalityFor(deps: AppDeps, code: string | undefined) {
  return municipalities.get(code ?? '(default)', async () => {
    const found = await resolveMunicipality(deps.db, code, deps.config.defaultMunicipality);
    const row = await deps.db
      .selectFrom('municipalities')
      .select('timezone')
      .where('id', '=', found.id)
      .executeTakeFirstOrThrow();
    return { id: found.id, timeZone: row.timezone };
  });
}

/** Which municipality a public zoning request is about, and the date whose rules apply (default: today there). */
export async function publicContext(deps: AppDeps, query: { municipality?: string; date?: string }) {
  const municipality = await municipalityFor(deps, query.municipality);
  return {
    municipalityId: municipality.id,
    date: query.date ?? localDate(deps.clock.now(), municipality.timeZone),
  };
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
