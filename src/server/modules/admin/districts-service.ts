import type { Db } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import type { StaffPrincipal } from '../../http/principal.js';
import { recordAudit } from '../audit/record-audit.js';
import { type AdminContext, optionalText, requiredText } from './context.js';
import {
  districtNumberTaken,
  findDistrict,
  insertDistrict,
  listDistricts,
  updateDistrictNames,
} from './repository-districts.js';
import { orDuplicate } from './unique-violation.js';

/** The municipality's districts in number order, with how many parcels and staff each has. */
export function listMunicipalityDistricts(db: Db, input: { viewer: StaffPrincipal }) {
  return listDistricts(db, input.viewer.municipalityId);
}

/** Adds a district; its number must be new in the municipality. */
export async function createDistrict(
  db: Db,
  input: AdminContext & { number: number; nameFa: string; nameEn: string; nameVi: string },
) {
  const municipalityId = input.admin.municipalityId;
  const names = {
    name_fa: requiredText('nameFa', input.nameFa),
    name_en: requiredText('nameEn', input.nameEn),
    name_vi: requiredText('nameVi', input.nameVi),
  };
  return db.transaction().execute(async (trx) => {
    if (await districtNumberTaken(trx, municipalityId, input.number))
      throw new AppError('duplicate', { field: 'number' });
    const { id } = await orDuplicate(
      'number',
      insertDistrict(trx, {
        municipality_id: municipalityId,
        number: input.number,
        ...names,
        created_at: input.at,
      }),
    );
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'admin.district_created',
        entityType: 'district',
        entityId: id,
        details: { number: input.number, ...names },
      },
      input.at,
    );
    return (await findDistrict(trx, municipalityId, id))!;
  });
}

/** Renames a district of the administrator's municipality. */
export async function renameDistrict(
  db: Db,
  input: AdminContext & { districtId: string; nameFa?: string; nameEn?: string; nameVi?: string },
) {
  const municipalityId = input.admin.municipalityId;
  const changes = {
    name_fa: optionalText('nameFa', input.nameFa),
    name_en: optionalText('nameEn', input.nameEn),
    name_vi: optionalText('nameVi', input.nameVi),
  };
  return db.transaction().execute(async (trx) => {
    const before = await findDistrict(trx, municipalityId, input.districtId);
    if (!before) throw notFound('district');
    await updateDistrictNames(trx, municipalityId, input.districtId, changes, input.at);
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'admin.district_updated',
        entityType: 'district',
        entityId: input.districtId,
        details: {
          before: { nameFa: before.name_fa, nameEn: before.name_en, nameVi: before.name_vi },
          after: { nameFa: changes.name_fa, nameEn: changes.name_en, nameVi: changes.name_vi },
        },
      },
      input.at,
    );
    return (await findDistrict(trx, municipalityId, input.districtId))!;
  });
}
