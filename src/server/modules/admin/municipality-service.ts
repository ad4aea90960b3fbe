import type { Db } from '../../db/schema.js';
import { invalidField, notFound } from '../../http/errors.js';
import type { StaffPrincipal } from '../../http/principal.js';
import { recordAudit } from '../audit/record-audit.js';
import { type AdminContext, optionalText } from './context.js';
import { countMunicipalityRecords, findMunicipality, updateMunicipality } from './repository-municipality.js';

async function overview(db: Db, municipalityId: string) {
  const municipality = await findMunicipality(db, municipalityId);
  if (!municipality) throw notFound('municipality');
  return { municipality, counts: await countMunicipalityRecords(db, municipalityId) };
}

/** The IANA name of a time zone, in its canonical spelling; an unknown zone is refused. */
function canonicalTimezone(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(undefined, { timeZone }).resolvedOptions().timeZone;
  } catch {
    throw invalidField('timezone', 'invalid');
  }
}

/** The administrator's own municipality with how many of each thing it holds. */
export function getMunicipalityOverview(db: Db, input: { viewer: StaffPrincipal }) {
  return overview(db, input.viewer.municipalityId);
}

/** Renames the municipality or changes its time zone; audited with the old and new values. */
export async function updateMunicipalitySettings(
  db: Db,
  input: AdminContext & { nameFa?: string; nameEn?: string; nameVi?: string; timezone?: string },
) {
  const changes = {
    name_fa: optionalText('nameFa', input.nameFa),
    name_en: optionalText('nameEn', input.nameEn),
    name_vi: optionalText('nameVi', input.nameVi),
    timezone: input.timezone === undefined ? undefined : canonicalTimezone(input.timezone.trim()),
  };
  const municipalityId = input.admin.municipalityId;
  return db.transaction().execute(async (trx) => {
    const before = await findMunicipality(trx, municipalityId);
    if (!before) throw notFound('municipality');
    await updateMunicipality(trx, municipalityId, changes, input.at);
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'admin.municipality_updated',
        entityType: 'municipality',
        entityId: municipalityId,
        details: {
          before: {
            nameFa: before.name_fa,
            nameEn: before.name_en,
            nameVi: before.name_vi,
            timezone: before.timezone,
          },
          after: {
            nameFa: changes.name_fa,
            nameEn: changes.name_en,
            nameVi: changes.name_vi,
            timezone: changes.timezone,
          },
        },
      },
      input.at,
    );
    return overview(trx, municipalityId);
  });
}
