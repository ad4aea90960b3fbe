import type { AppDeps } from '../../app-deps.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { findServiceByCode, saveServiceVersion, setLiveDistricts } from './service-repository.js';
import type { ServiceDefinition } from './workflow/types.js';
import { validateServiceDefinition } from './workflow/validate-definition.js';

/**
 * Saves a service definition as a new version, after the engine has checked that it cannot reach an illegal state;
 * cases already filed keep the version they were filed under.
 */
export async function defineService(
  deps: Pick<AppDeps, 'db'>,
  input: { municipalityId: string; actor: Actor; code: string; definition: unknown },
) {
  const validation = validateServiceDefinition(input.definition);
  if (!validation.ok)
    throw new AppError('validation_failed', {
      fields: [{ field: 'definition', rule: 'invalid' }],
      problems: validation.problems,
    });
  const definition = input.definition as ServiceDefinition;
  if (definition.code !== input.code)
    throw new AppError('validation_failed', { fields: [{ field: 'definition.code', rule: 'invalid' }] });
  return deps.db.transaction().execute(async (trx) => {
    const saved = await saveServiceVersion(trx, {
      municipalityId: input.municipalityId,
      code: input.code,
      definition,
      createdBy: input.actor.userId,
    });
    await recordAudit(trx, input.actor, {
      action: 'admin.service_defined',
      entityType: 'service',
      entityId: saved.serviceId,
      details: { code: input.code, version: saved.version },
    });
    return saved;
  });
}

/** Makes a service live in exactly these districts of the municipality (a pilot rolls out district by district). */
export async function setServiceDistricts(
  deps: Pick<AppDeps, 'db'>,
  input: { municipalityId: string; actor: Actor; code: string; districtIds: string[] },
) {
  return deps.db.transaction().execute(async (trx) => {
    const service = await findServiceByCode(trx, input.municipalityId, input.code);
    if (!service) throw notFound('service');
    const districts = input.districtIds.length
      ? await trx
          .selectFrom('districts')
          .select('id')
          .where('municipality_id', '=', input.municipalityId)
          .where('id', 'in', input.districtIds)
          .execute()
      : [];
    if (districts.length !== new Set(input.districtIds).size)
      throw new AppError('validation_failed', { fields: [{ field: 'districtIds', rule: 'invalid' }] });
    await setLiveDistricts(trx, input.municipalityId, service.id, [...new Set(input.districtIds)]);
    await recordAudit(trx, input.actor, {
      action: 'admin.service_districts_set',
      entityType: 'service',
      entityId: service.id,
      details: { districtIds: input.districtIds },
    });
  });
}

export function listServicesForAdmin(deps: Pick<AppDeps, 'db'>, municipalityId: string) {
  return deps.db
    .selectFrom('services')
    .innerJoin('service_versions', (join) =>
      join
        .onRef('service_versions.service_id', '=', 'services.id')
        .onRef('service_versions.version', '=', 'services.current_version'),
    )
    .select((eb) => [
      'services.code',
      'services.current_version',
      'services.is_active',
      'service_versions.definition',
      eb
        .selectFrom('service_districts')
        .select((inner) => inner.fn.agg<string[]>('array_agg', ['service_districts.district_id']).as('ids'))
        .whereRef('service_districts.service_id', '=', 'services.id')
        .as('live_district_ids'),
    ])
    .where('services.municipality_id', '=', municipalityId)
    .orderBy('services.code')
    .execute();
}
