import type { Guard, ServiceDefinition, Transition } from './types.js';
import { validateForm } from './validate-form.js';

/** What the engine needs to know about a case to decide an action. */
export interface CaseSnapshot {
  state: string;
  formData: unknown;
  /** The documents currently attached (replaced ones excluded). */
  documents: readonly { code: string }[];
  visitFindings?: unknown;
}

/** What a guard finds missing on the case: document codes, field names, or 'visitFindings'; [] if it passes. */
export function guardMissing(def: ServiceDefinition, guard: Guard, snapshot: CaseSnapshot): string[] {
  switch (guard) {
    case 'required_documents_present': {
      const present = new Set(snapshot.documents.map((d) => d.code));
      return def.documents.filter((d) => d.required && !present.has(d.code)).map((d) => d.code);
    }
    case 'form_complete':
      return [...new Set(validateForm(def.formFields, snapshot.formData).map((e) => e.field))];
    case 'visit_findings_recorded':
      return snapshot.visitFindings === undefined || snapshot.visitFindings === null ? ['visitFindings'] : [];
  }
}

/** The guards of a transition as a list. */
export function guardsOf(transition: Transition): Guard[] {
  const { guard } = transition;
  if (guard === undefined || guard === null) return [];
  return Array.isArray(guard) ? guard : [guard];
}

/** Every failing guard of a transition with what it misses; [] when all pass. */
export function failedGuards(
  def: ServiceDefinition,
  transition: Transition,
  snapshot: CaseSnapshot,
): { guard: Guard; missing: string[] }[] {
  return guardsOf(transition)
    .map((guard) => ({ guard, missing: guardMissing(def, guard, snapshot) }))
    .filter((result) => result.missing.length > 0);
}
