import type { Clock } from '../../app-deps.js';
import type { Db } from '../../db/schema.js';
import { translate } from '../../i18n/messages.js';
import { systemActor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { isOverdue, type SlaClock } from './calendar/deadlines.js';
import { loadWorkingCalendar } from './calendar-of.js';
import { definitionOf } from './case-access.js';
import { findCase, insertCaseEvent } from './case-repository.js';
import { serviceName, stateName } from './case-texts.js';
import { notify } from './notify.js';

/**
 * Fires at a case's deadline (a job row, so it fires after a restart too). If the case is still open, its clock is
 * running and overdue, and it was not escalated for this step yet, it escalates to the district's managers: a
 * timeline event, an audit record and a notification. Running it twice changes nothing the second time.
 */
export function deadlineJobHandler(db: Db, clock: Clock) {
  return async (job: { payload: Record<string, unknown>; municipalityId: string | null }) => {
    if (!job.municipalityId) return;
    const municipalityId = job.municipalityId;
    const caseId = String(job.payload.caseId);
    await db.transaction().execute(async (trx) => {
      const row = await findCase(trx, municipalityId, caseId);
      if (!row || row.closed_at || row.escalated_at || !row.sla) return;
      const now = clock.now();
      const calendar = await loadWorkingCalendar(trx, municipalityId);
      if (!isOverdue(row.sla as SlaClock, now, calendar)) return;
      const updated = await trx
        .updateTable('cases')
        .set((eb) => ({ escalated_at: now, version: eb('version', '+', 1), updated_at: now }))
        .where('id', '=', row.id)
        .where('version', '=', row.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) return;
      await insertCaseEvent(trx, {
        municipalityId,
        caseId: row.id,
        at: now,
        actorKind: 'system',
        actorRole: 'system',
        actorUserId: null,
        officeId: null,
        action: 'escalated',
        fromState: row.state,
        toState: row.state,
        details: { deadlineAt: row.deadline_at?.toISOString() ?? null },
      });
      await recordAudit(
        trx,
        systemActor(municipalityId),
        { action: 'case.escalated', entityType: 'case', entityId: row.id },
        now,
      );
      const def = definitionOf(row);
      const managers = await trx
        .selectFrom('users')
        .select('id')
        .where('municipality_id', '=', municipalityId)
        .where('district_id', '=', row.district_id)
        .where('is_active', '=', true)
        .where((eb) => eb(eb.val('district_manager'), '=', eb.fn.any('roles')))
        .execute();
      const text = translate('fa', 'cases.escalated', {
        fileNumber: row.file_number ?? '',
        service: serviceName(def, 'fa'),
        state: stateName(def, row.state, 'fa'),
      });
      for (const manager of managers)
        await notify(trx, { municipalityId, caseId: row.id, userId: manager.id, text, at: now });
    });
  };
}
