import type { Db } from '../../db/schema.js';
import type { InquirySettings } from './rules/settings.js';

// The dated inquiry settings (table inquiry_settings). -------------------------------------------------------------------------------------------------

function toSettings(row: {
  id: string;
  effective_from: string;
  response_validity_months: number;
  completion_months: number;
  clearance_validity_months: number;
  require_nothing_owed: boolean;
  require_no_open_violation: boolean;
  require_no_pending_article_100: boolean;
  site_visit_when_routed: boolean;
}): InquirySettings {
  return {
    id: row.id,
    effectiveFrom: row.effective_from,
    responseValidityMonths: row.response_validity_months,
    completionMonths: row.completion_months,
    clearanceValidityMonths: row.clearance_validity_months,
    requireNothingOwed: row.require_nothing_owed,
    requireNoOpenViolation: row.require_no_open_violation,
    requireNoPendingArticle100: row.require_no_pending_article_100,
    siteVisitWhenRouted: row.site_visit_when_routed,
  };
}

/** Every dated version of a municipality's inquiry settings, newest first. */
export async function listSettingsVersions(db: Db, municipalityId: string) {
  const rows = await db
    .selectFrom('inquiry_settings')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('effective_from', 'desc')
    .execute();
  return rows.map((row) => ({ ...toSettings(row), createdAt: row.created_at, createdBy: row.created_by }));
}

export async function insertSettingsVersion(
  db: Db,
  input: Omit<InquirySettings, 'id'> & { municipalityId: string; createdBy: string | null },
) {
  const row = await db
    .insertInto('inquiry_settings')
    .values({
      municipality_id: input.municipalityId,
      effective_from: input.effectiveFrom,
      response_validity_months: input.responseValidityMonths,
      completion_months: input.completionMonths,
      clearance_validity_months: input.clearanceValidityMonths,
      require_nothing_owed: input.requireNothingOwed,
      require_no_open_violation: input.requireNoOpenViolation,
      require_no_pending_article_100: input.requireNoPendingArticle100,
      site_visit_when_routed: input.siteVisitWhenRouted,
      created_by: input.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSettings(row);
}
