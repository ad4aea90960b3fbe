import { compactDigits } from '../../../shared/digits.js';
import { normalizeNationalId } from '../../../shared/identifiers/index.js';
import type { Db } from '../../db/schema.js';
import { invalidField, notFound } from '../../http/errors.js';
import type { Locale } from '../../i18n/messages.js';
import { isValidTrackingCode } from './calendar/tracking-code.js';
import { definitionOf } from './case-access.js';
import { findCaseByTrackingCode, listCaseEvents } from './case-repository.js';
import { actionName, serviceName, stateName } from './case-texts.js';

/**
 * The status of a case for anyone holding its tracking code and the applicant's national ID, without signing in:
 * the service, the current step and each step's date and role. Either one wrong → 404, the same answer; a code
 * whose check digit fails (a typo) is a 400 saying so, which reveals nothing about any case.
 */
export async function publicCaseStatus(
  db: Db,
  input: { trackingCode: string; nationalId: string; locale: Locale },
) {
  if (!isValidTrackingCode(input.trackingCode)) throw invalidField('trackingCode', 'tracking_code');
  const nationalId = normalizeNationalId(input.nationalId);
  const row = nationalId ? await findCaseByTrackingCode(db, compactDigits(input.trackingCode)) : undefined;
  if (!row || row.applicant_national_id !== nationalId) throw notFound('case');
  const def = definitionOf(row);
  const events = await listCaseEvents(db, row.id);
  return {
    trackingCode: row.tracking_code,
    fileNumber: row.file_number,
    service: serviceName(def, input.locale),
    state: { code: row.state, name: stateName(def, row.state, input.locale) },
    outcome: row.outcome,
    submittedAt: row.submitted_at?.toISOString() ?? null,
    deadlineAt: row.deadline_at?.toISOString() ?? null,
    steps: events
      .filter((e) => e.from_state !== e.to_state || e.action === 'escalated')
      .map((e) => ({
        at: e.at.toISOString(),
        role: e.actor_role,
        actionCode: e.action,
        action: actionName(def, e.action, input.locale, e.from_state),
        to: e.to_state ? stateName(def, e.to_state, input.locale) : null,
        reason: e.reason,
      })),
  };
}
