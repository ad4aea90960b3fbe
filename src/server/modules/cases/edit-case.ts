import type { AppDeps } from '../../app-deps.js';
import { AppError } from '../../http/errors.js';
import type { CitizenPrincipal, OfficePrincipal } from '../../http/principal.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { definitionOf, loadVisibleCase } from './case-access.js';
import { type CaseRow, insertCaseEvent, updateCaseIfUnchanged } from './case-repository.js';
import { checkForm } from './workflow/validate-form.js';

/**
 * What the applicant may change now: everything in a draft; in a case returned for correction, only the fields and
 * documents staff named (the rest of the file stays as submitted); nothing otherwise.
 */
export function editableItems(row: CaseRow): { all: true } | { all: false; items: string[] } {
  const state = definitionOf(row).workflow.states.find((s) => s.code === row.state);
  if (state?.kind === 'draft') return { all: true };
  if (state?.kind === 'applicant')
    return { all: false, items: (row.returned_items as string[] | null) ?? [] };
  return { all: false, items: [] };
}

/** Saves form answers of a draft (partial is fine) or the named fields of a returned case. */
export async function editCaseForm(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  input: {
    principal: CitizenPrincipal | OfficePrincipal;
    actor: Actor;
    caseId: string;
    expectedVersion: number;
    formData: Record<string, unknown>;
  },
) {
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadVisibleCase(trx, input.principal, input.caseId);
    if (row.version !== input.expectedVersion)
      throw new AppError('conflict', { currentVersion: row.version });
    const editable = editableItems(row);
    const changed = Object.keys(input.formData);
    const locked = editable.all ? [] : changed.filter((field) => !editable.items.includes(field));
    if (locked.length > 0 || (!editable.all && editable.items.length === 0)) {
      throw new AppError('case_not_editable', {
        fields: locked.map((field) => ({ field: `formData.${field}`, rule: 'locked' })),
      });
    }
    const def = definitionOf(row);
    const merged = { ...(row.form_data as Record<string, unknown>), ...input.formData };
    const { errors, values } = checkForm(def.formFields, merged, { partial: true });
    if (errors.length > 0)
      throw new AppError('validation_failed', {
        fields: errors.map((e) => ({ field: `formData.${e.field}`, rule: e.rule })),
      });
    const at = deps.clock.now();
    if (!(await updateCaseIfUnchanged(trx, row.id, row.version, { form_data: JSON.stringify(values) }, at)))
      throw new AppError('conflict');
    await insertCaseEvent(trx, {
      municipalityId: row.municipality_id,
      caseId: row.id,
      at,
      actorKind: input.principal.kind === 'office' ? 'office' : 'applicant',
      actorRole: 'applicant',
      actorUserId: input.principal.userId,
      officeId: input.principal.kind === 'office' ? input.principal.officeId : null,
      action: 'form_saved',
      fromState: row.state,
      toState: row.state,
      details: { fields: changed },
    });
    await recordAudit(
      trx,
      input.actor,
      { action: 'case.form_saved', entityType: 'case', entityId: row.id, details: { fields: changed } },
      at,
    );
  });
}
