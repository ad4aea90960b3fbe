import type { AppDeps } from '../../app-deps.js';
import type { Db } from '../../db/schema.js';
import { AppError, invalidField } from '../../http/errors.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { municipalityDay } from './parcel-record.js';
import { type InquirySettings, settingsInForce } from './rules/settings.js';
import { insertSettingsVersion, listSettingsVersions } from './settings-repository.js';

/** The municipality's inquiry settings: the version in force today and every version, newest first. */
export async function readInquirySettings(deps: Pick<AppDeps, 'db' | 'clock'>, municipalityId: string) {
  const versions = await listSettingsVersions(deps.db, municipalityId);
  const { today } = await municipalityDay(deps.db, municipalityId, deps.clock.now());
  return { today, inForce: settingsInForce(versions, today), versions };
}

/**
 * Publishes a new dated version. History is never rewritten: the version must start today or later, and on a day
 * no other version starts (409 duplicate). Audited.
 */
export async function publishInquirySettings(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  input: { municipalityId: string; actor: Actor; settings: Omit<InquirySettings, 'id'> },
) {
  return deps.db.transaction().execute(async (trx) => {
    const at = deps.clock.now();
    const { today } = await municipalityDay(trx, input.municipalityId, at);
    if (input.settings.effectiveFrom < today) throw invalidField('effectiveFrom', 'not_in_past');
    const versions = await listSettingsVersions(trx, input.municipalityId);
    if (versions.some((v) => v.effectiveFrom === input.settings.effectiveFrom))
      throw new AppError('duplicate', { fields: [{ field: 'effectiveFrom', rule: 'duplicate' }] });
    const saved = await insertSettingsVersion(trx, {
      ...input.settings,
      municipalityId: input.municipalityId,
      createdBy: input.actor.userId,
    });
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'inquiry_settings.published',
        entityType: 'inquiry_settings',
        entityId: saved.id,
        details: { ...input.settings },
      },
      at,
    );
    return saved;
  });
}

/** Seeds a municipality's first version (demo city, tests): the Urmia rule, in force from `effectiveFrom`. */
export async function seedInquirySettings(db: Db, municipalityId: string, effectiveFrom = '2020-03-20') {
  return insertSettingsVersion(db, {
    municipalityId,
    createdBy: null,
    effectiveFrom,
    responseValidityMonths: 2,
    completionMonths: 6,
    clearanceValidityMonths: 2,
    requireNothingOwed: true,
    requireNoOpenViolation: true,
    requireNoPendingArticle100: true,
    siteVisitWhenRouted: true,
  });
}
