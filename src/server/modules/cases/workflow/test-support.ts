// Test support: a small valid definition for the validation tests to break one rule at a time.

import type { ServiceDefinition } from './types.js';
import { describeProblem, validateServiceDefinition } from './validate-definition.js';

/** One label in all three languages. */
export const L = { fa: 'الف', en: 'A', vi: 'A' };

/** A small valid service: draft → review ⇄ returned → approved | refused, withdraw anywhere. */
export function base(): ServiceDefinition {
  // Cloned so that a test mutating one label does not change the shared L.
  return structuredClone<ServiceDefinition>({
    code: 'tiny',
    names: L,
    formFields: [{ name: 'note', type: 'text', required: true, labels: L, maxLength: 10 }],
    documents: [{ code: 'deed', labels: L, required: true, accept: ['pdf'], maxBytes: 1000 }],
    workflow: {
      initial: 'draft',
      states: [
        { code: 'draft', kind: 'draft', labels: L },
        { code: 'review', kind: 'staff', labels: L, targetWorkingDays: 2 },
        { code: 'returned', kind: 'applicant', labels: L },
        { code: 'approved', kind: 'terminal', outcome: 'approved', labels: L },
        { code: 'refused', kind: 'terminal', outcome: 'refused', labels: L },
        { code: 'withdrawn', kind: 'terminal', outcome: 'withdrawn', labels: L },
      ],
      transitions: [
        {
          action: 'submit',
          from: ['draft'],
          to: 'review',
          by: ['applicant'],
          guard: 'form_complete',
          labels: L,
        },
        {
          action: 'request_correction',
          from: ['review'],
          to: 'returned',
          by: ['expert'],
          requiresReason: true,
          requiresFields: ['returnedFields'],
          labels: L,
        },
        { action: 'resubmit', from: ['returned'], to: 'review', by: ['applicant'], labels: L },
        { action: 'approve', from: ['review'], to: 'approved', by: ['expert'], labels: L },
        {
          action: 'refuse',
          from: ['review'],
          to: 'refused',
          by: ['expert'],
          requiresReason: true,
          labels: L,
        },
        {
          action: 'withdraw',
          from: ['draft', 'review', 'returned'],
          to: 'withdrawn',
          by: ['applicant'],
          labels: L,
        },
      ],
    },
  });
}

/** The problems validation finds after `mutate` changes a fresh base definition, as "path message" in English. */
export function problemsOf(mutate: (def: ServiceDefinition) => void): string[] {
  const def = base();
  mutate(def);
  const result = validateServiceDefinition(def);
  return result.ok ? [] : result.problems.map((p) => `${p.path} ${describeProblem(p, 'en')}`);
}

/** A state of a definition by code. */
export const state = (def: ServiceDefinition, code: string) =>
  def.workflow.states.find((s) => s.code === code)!;
/** The first transition with this action. */
export const transition = (def: ServiceDefinition, action: string) =>
  def.workflow.transitions.find((t) => t.action === action)!;
