import type { Db } from '../../db/schema.js';
import { type Principal, rolesOf } from '../../http/principal.js';
import type { Locale } from '../../i18n/messages.js';

export function nameIn(row: { name_fa: string; name_en: string; name_vi: string }, locale: Locale): string {
  return locale === 'en' ? row.name_en : locale === 'vi' ? row.name_vi : row.name_fa;
}

/** What `/api/v1/me` says about the caller. */
export async function presentMe(db: Db, principal: Principal, locale: Locale) {
  const municipality = await db
    .selectFrom('municipalities')
    .select(['id', 'code', 'name_fa', 'name_en', 'name_vi', 'timezone'])
    .where('id', '=', principal.municipalityId)
    .executeTakeFirstOrThrow();
  const base = {
    kind: principal.kind,
    roles: rolesOf(principal),
    municipality: {
      id: municipality.id,
      code: municipality.code,
      name: nameIn(municipality, locale),
      timezone: municipality.timezone,
    },
  };
  switch (principal.kind) {
    case 'api_client':
      return { ...base, id: principal.apiClientId, name: principal.clientId };
    case 'citizen':
      return {
        ...base,
        id: principal.userId,
        name: principal.fullName,
        nationalId: principal.nationalId,
        csrfToken: principal.csrfToken,
      };
    case 'staff': {
      const district = principal.districtId
        ? await db
            .selectFrom('districts')
            .select(['id', 'number', 'name_fa', 'name_en', 'name_vi'])
            .where('municipality_id', '=', principal.municipalityId)
            .where('id', '=', principal.districtId)
            .executeTakeFirst()
        : undefined;
      return {
        ...base,
        id: principal.userId,
        name: principal.fullName,
        districtId: principal.districtId,
        district: district
          ? { id: district.id, number: district.number, name: nameIn(district, locale) }
          : null,
        csrfToken: principal.csrfToken,
      };
    }
    case 'office':
      return {
        ...base,
        id: principal.userId,
        name: principal.fullName,
        officeId: principal.officeId,
        csrfToken: principal.csrfToken,
      };
  }
}
