import type { AppDeps } from '../../app-deps.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Locale } from '../../i18n/messages.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import {
  countDistricts,
  findServiceByCode,
  saveServiceVersion,
  setLiveDistricts,
} from './service-repository.js';
import type { ServiceDefinition } from './workflow/types.js';
import {
  type DefinitionProblem,
  describeProblem,
  validateServiceDefinition,
} from './workflow/validate-definition.js';

/** The problems of a would-be definition for the service `code`, each with its path and a message in `locale`. */
export function checkServiceDefinition(code: string, definition: unknown, locale: Locale) {
  const validation = validateServiceDefinition(definition);
  const problems: DefinitionProblem[] = validation.ok ? [] : validation.problems;
  const named = (definition as { code?: unknown } | null)?.code;
  if (typeof named === 'string' && named !== code)
    problems.push({ path: 'code', rule: 'code_mismatch', params: { code } });
  return problems.map((problem) => ({ ...problem, message: describeProblem(problem, locale) }));
}

/**
 * Saves a service definition as a new version, after the engine has checked that it cannot reach an illegal state;
 * cases already filed keep the version they were filed under. A refused definition is a 400 listing every problem
 * at its path, in the caller's language.
 */
export async function defineService(
  deps: Pick<AppDeps, 'db'>,
  input: { municipalityId: string; actor: Actor; code: string; definition: unknown; locale: Locale },
) {
  const problems = checkServiceDefinition(input.code, input.definition, input.locale);
  if (problems.length > 0)
    throw new AppError('validation_failed', { fields: [{ field: 'definition', rule: 'invalid' }], problems });
  const definition = input.definition as ServiceDefinition;
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
  const districtIds = [...new Set(input.districtIds)];
  return deps.db.transaction().execute(async (trx) => {
    const service = await findServiceByCode(trx, input.municipalityId, input.code);
    if (!service) throw notFound('service');
    if ((await countDistricts(trx, input.municipalityId, districtIds)) !== districtIds.length)
      throw new AppError('validation_failed', { fields: [{ field: 'districtIds', rule: 'invalid' }] });
    await setLiveDistricts(trx, input.municipalityId, service.id, districtIds);
    await recordAudit(trx, input.actor, {
      action: 'admin.service_districts_set',
      entityType: 'service',
      entityId: service.id,
      details: { districtIds },
    });
  });
}
