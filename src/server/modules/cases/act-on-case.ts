import type { AppDeps } from '../../app-deps.js';
import type { Db } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import type { Principal } from '../../http/principal.js';
import { enqueueJob } from '../../jobs/job-repository.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import type { SlaClock } from './calendar/deadlines.js';
import { makeFileNumber, makeTrackingCode } from './calendar/tracking-code.js';
import { loadWorkingCalendar } from './calendar-of.js';
import { definitionOf, loadVisibleCase, workflowActorOf } from './case-access.js';
import type { CaseActing, CaseHooks } from './case-hooks.js';
import {
  type CaseRow,
  insertCaseEvent,
  listCaseDocuments,
  nextSerial,
  setCaseNumbers,
  updateCaseIfUnchanged,
} from './case-repository.js';
import { type ApplicantStep, applicantMessage, stateKind } from './case-texts.js';
import { notify } from './notify.js';
import { nextClock } from './sla.js';
import { type ActionInput, applyAction, type CaseEvent } from './workflow/transitions.js';
import type { ServiceDefinition } from './workflow/types.js';

export const DEADLINE_JOB = 'case.deadline';

function failure(result: Exclude<ReturnType<typeof applyAction>, { ok: true }>): AppError {
  switch (result.error) {
    case 'illegal_transition':
      return new AppError(
        'illegal_transition',
        { allowed: result.allowed },
        { allowedText: result.allowed.join(', ') || '—' },
      );
    case 'forbidden_role':
      return new AppError('forbidden', { allowed: result.allowed });
    case 'reason_required':
      return new AppError('validation_failed', { fields: [{ field: 'reason', rule: 'required' }] });
    case 'input_required':
      return new AppError('validation_failed', {
        fields: result.missing.map((field) => ({ field, rule: 'required' })),
      });
    case 'unknown_returned_fields':
      return new AppError('validation_failed', {
        fields: [{ field: 'returnedFields', rule: 'invalid' }],
        unknown: result.unknown,
      });
    case 'guard_failed':
      return new AppError(
        'guard_failed',
        { guard: result.guard, missing: result.missing },
        { missingText: result.missing.join(', ') },
      );
    case 'unknown_state':
      return new AppError('internal');
  }
}

async function assignedStaffExists(trx: Db, row: CaseRow, userId: string): Promise<boolean> {
  const staff = await trx
    .selectFrom('users')
    .select('id')
    .where('municipality_id', '=', row.municipality_id)
    .where('id', '=', userId)
    .where('kind', '=', 'staff')
    .where('is_active', '=', true)
    .where('district_id', '=', row.district_id)
    .executeTakeFirst();
  return staff !== undefined;
}

/**
 * What an action means for the applicant, read from the kinds of its states (not from action names, which each
 * service chooses): `filed` leaves the draft for the district, `returned` hands the case back with items to correct,
 * `resubmitted` brings it back from the applicant.
 */
function stepOf(def: ServiceDefinition, event: CaseEvent): ApplicantStep {
  const from = stateKind(def, event.from);
  const to = stateKind(def, event.to);
  if (from === 'draft' && (to === 'staff' || to === 'applicant')) return 'filed';
  if (event.returnedFields !== undefined) return 'returned';
  if (from === 'applicant' && to === 'staff') return 'resubmitted';
  return 'other';
}

/** The columns an accepted action changes (state, outcome, returned items, findings, assignee, clock). */
async function changesFor(trx: Db, row: CaseRow, event: CaseEvent, acting: CaseActing, at: Date) {
  const changes: Record<string, unknown> = { state: event.to };
  if (event.outcome) {
    changes.outcome = event.outcome;
    changes.closed_at = at;
  }
  const step = stepOf(definitionOf(row), event);
  if (step === 'returned') changes.returned_items = JSON.stringify(event.returnedFields ?? []);
  if (step === 'resubmitted') changes.returned_items = null;
  if (event.visitFindings !== undefined) changes.visit_findings = JSON.stringify(event.visitFindings);
  if (event.action === 'claim' && acting.workflow.kind === 'staff') changes.assignee_user_id = acting.userId;
  if (event.action === 'assign') {
    if (!(await assignedStaffExists(trx, row, event.assignee!)))
      throw new AppError('validation_failed', { fields: [{ field: 'assignee', rule: 'invalid' }] });
    changes.assignee_user_id = event.assignee;
  }
  if (event.clock !== 'none') {
    const calendar = await loadWorkingCalendar(trx, row.municipality_id);
    const { sla, deadline } = nextClock(
      row.sla as SlaClock | null,
      event.clock,
      event.targetWorkingDays,
      calendar,
      at,
    );
    changes.sla = sla ? JSON.stringify(sla) : null;
    changes.deadline_at = deadline;
    changes.escalated_at = null;
  }
  if (step === 'filed' && !row.tracking_code) changes.submitted_at = at;
  return changes;
}

/**
 * The tracking code (municipality, Jalali day, daily serial) and the file number (district serial) of a case being
 * submitted. The daily counter is one row per municipality that every submission of the day updates, so this is
 * called last in the transaction: the row stays locked only for the statements that need its value.
 */
async function numberCase(trx: Db, row: CaseRow, at: Date) {
  const municipality = await trx
    .selectFrom('municipalities')
    .innerJoin('districts', 'districts.municipality_id', 'municipalities.id')
    .select(['municipalities.number', 'municipalities.timezone', 'districts.number as district_number'])
    .where('municipalities.id', '=', row.municipality_id)
    .where('districts.id', '=', row.district_id)
    .executeTakeFirstOrThrow();
  const fileNumber = makeFileNumber(
    municipality.district_number,
    await nextSerial(trx, row.municipality_id, `file:${row.district_id}`),
  );
  const day = at.toISOString().slice(0, 10);
  let trackingCode: string | null = null;
  while (!trackingCode) {
    trackingCode = makeTrackingCode({
      municipalityNumber: municipality.number,
      date: at,
      serial: await nextSerial(trx, row.municipality_id, `tracking:${day}`),
      timeZone: municipality.timezone,
    });
  }
  await setCaseNumbers(trx, row.id, { trackingCode, fileNumber });
  return { trackingCode, fileNumber };
}

/** How the engine records a principal's action. */
export function actingOf(principal: Principal): CaseActing {
  return {
    workflow: workflowActorOf(principal),
    eventKind: principal.kind === 'staff' ? 'staff' : principal.kind === 'office' ? 'office' : 'applicant',
    userId: 'userId' in principal ? principal.userId : null,
    officeId: principal.kind === 'office' ? principal.officeId : null,
  };
}

export type CaseEngineDeps = Pick<AppDeps, 'clock'> & { caseHooks?: CaseHooks };

/**
 * Takes one action on a case for a principal: the workflow engine decides, then the change, its timeline event,
 * the audit record, the next deadline job and the notifications land in one transaction, and only if nobody else
 * changed the case since `expectedVersion` (two staff at once: one wins, the other gets a conflict).
 */
export async function actOnCase(
  deps: Pick<AppDeps, 'db' | 'clock'> & { caseHooks?: CaseHooks },
  input: {
    principal: Principal;
    actor: Actor;
    caseId: string;
    action: string;
    expectedVersion: number;
    input: ActionInput;
  },
) {
  const { principal } = input;
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadVisibleCase(trx, principal, input.caseId);
    if (row.version !== input.expectedVersion)
      throw new AppError('conflict', { currentVersion: row.version });
    return takeCaseAction(trx, deps, {
      row,
      acting: actingOf(principal),
      actor: input.actor,
      action: input.action,
      input: input.input,
    });
  });
}

/**
 * The engine's step inside a caller's transaction, for a case row already read (and checked visible) in it: used by
 * actOnCase and by services that act on their own cases (the inquiry service submits and auto-issues as the
 * system). When the case enters a terminal state, the service's closing hooks run in the same transaction.
 */
export async function takeCaseAction(
  trx: Db,
  deps: CaseEngineDeps,
  input: { row: CaseRow; acting: CaseActing; actor: Actor; action: string; input: ActionInput },
) {
  const { row, acting } = input;
  const def = definitionOf(row);
  const documents = await listCaseDocuments(trx, row.id);
  const result = applyAction(
    def,
    {
      state: row.state,
      formData: row.form_data,
      documents: documents.map((d) => ({ code: d.requirement_code })),
      visitFindings: row.visit_findings ?? undefined,
    },
    input.action,
    acting.workflow,
    input.input,
  );
  if (!result.ok) throw failure(result);
  const at = deps.clock.now();
  const changes = await changesFor(trx, row, result.event, acting, at);
  if (!(await updateCaseIfUnchanged(trx, row.id, row.version, changes, at))) throw new AppError('conflict');
  await insertCaseEvent(trx, {
    municipalityId: row.municipality_id,
    caseId: row.id,
    at,
    actorKind: acting.eventKind,
    actorRole: result.event.actorRole,
    actorUserId: acting.userId,
    officeId: acting.officeId,
    action: result.event.action,
    fromState: result.event.from,
    toState: result.event.to,
    reason: result.event.reason ?? null,
    details: {
      ...(result.event.returnedFields ? { returnedFields: result.event.returnedFields } : {}),
      ...(result.event.assignee ? { assignee: result.event.assignee } : {}),
    },
  });
  const deadline = changes.deadline_at as Date | null | undefined;
  if (deadline) {
    await enqueueJob(trx, {
      municipalityId: row.municipality_id,
      kind: DEADLINE_JOB,
      runAt: deadline,
      payload: { caseId: row.id },
    });
  }
  await recordAudit(
    trx,
    input.actor,
    {
      action: `case.${result.event.action}`,
      entityType: 'case',
      entityId: row.id,
      details: { from: result.event.from, to: result.event.to },
    },
    at,
  );
  if (result.event.outcome && result.event.stateChanged)
    await deps.caseHooks?.runClosed(trx, { row, event: result.event, acting, actor: input.actor, at });
  // Last: the counters (the daily one above all) are shared by every submission of the municipality.
  const step = stepOf(def, result.event);
  const numbers = step === 'filed' && !row.tracking_code ? await numberCase(trx, row, at) : null;
  if (result.event.stateChanged) {
    const text = applicantMessage(
      def,
      {
        ...result.event,
        step,
        trackingCode: numbers?.trackingCode ?? row.tracking_code ?? '',
        fileNumber: numbers?.fileNumber ?? row.file_number,
      },
      'fa',
    );
    if (text)
      await notify(trx, {
        municipalityId: row.municipality_id,
        caseId: row.id,
        userId: row.applicant_user_id,
        mobile: row.applicant_mobile,
        text,
        at,
      });
  }
  return {
    caseId: row.id,
    to: result.event.to,
    version: row.version + 1,
    trackingCode: numbers?.trackingCode ?? row.tracking_code,
    fileNumber: numbers?.fileNumber ?? row.file_number,
  };
}
