import { caseActionRoles, isCaseAction } from './case-actions.js';
import { allowedActions } from './transitions.js';
import type { Actor, Labels, Outcome, ServiceDefinition, StateKind, WorkflowState } from './types.js';

/** The longest reason the API accepts. */
export const MAX_REASON_LENGTH = 2000;

/**
 * One input an action takes, as a form would ask for it. `reason`: free text, required or optional.
 * `returnedFields`: at least one of the service's form fields and documents, to be corrected by the applicant.
 * `visitFindings`: an object; the fields listed are what a person records (other API clients may send more).
 * `assignee`: a colleague's user id (the API lists who qualifies).
 */
export type ActionInputSpec =
  | { name: 'reason'; required: boolean; maxLength: number }
  | {
      name: 'returnedFields';
      required: true;
      choices: { value: string; kind: 'field' | 'document'; labels: Labels }[];
    }
  | { name: 'visitFindings'; required: true; fields: { name: 'findings'; type: 'text'; required: true }[] }
  | { name: 'assignee'; required: true };

/** An action the actor may take now, with where it leads and what it asks for. */
export interface DescribedAction {
  action: string;
  /** `transition`: a step of the service's workflow; `engine`: claim/assign/escalate, which keep the state. */
  kind: 'transition' | 'engine';
  to: { code: string; kind: StateKind; outcome: Outcome | null };
  inputs: ActionInputSpec[];
}

function stateOf(def: ServiceDefinition, code: string): WorkflowState | undefined {
  return def.workflow.states.find((s) => s.code === code);
}

function returnedFieldChoices(def: ServiceDefinition) {
  return [
    ...def.formFields.map((f) => ({ value: f.name, kind: 'field' as const, labels: f.labels })),
    ...def.documents.map((d) => ({ value: d.code, kind: 'document' as const, labels: d.labels })),
  ];
}

function transitionInputs(def: ServiceDefinition, state: string, action: string): ActionInputSpec[] {
  const t = def.workflow.transitions.find((x) => x.action === action && x.from.includes(state));
  if (!t) return [];
  const inputs: ActionInputSpec[] = [];
  for (const name of t.requiresFields ?? []) {
    if (name === 'returnedFields') inputs.push({ name, required: true, choices: returnedFieldChoices(def) });
    else if (name === 'visitFindings')
      inputs.push({ name, required: true, fields: [{ name: 'findings', type: 'text', required: true }] });
    else inputs.push({ name, required: true });
  }
  // Every transition records a reason when one is given; some demand it (a refusal always does).
  inputs.push({ name: 'reason', required: t.requiresReason === true, maxLength: MAX_REASON_LENGTH });
  return inputs;
}

/**
 * The actions `actor` may take in `state`, each with the inputs it requires and the state it leads to, all read
 * from the service definition, so a form can be drawn for any service without knowing its actions.
 */
export function describeAllowedActions(
  def: ServiceDefinition,
  state: string,
  actor: Actor,
): DescribedAction[] {
  const current = stateOf(def, state);
  if (!current) return [];
  return allowedActions(def, state, actor).map((action) => {
    if (isCaseAction(action)) {
      const inputs: ActionInputSpec[] = action === 'assign' ? [{ name: 'assignee', required: true }] : [];
      return {
        action,
        kind: 'engine',
        to: { code: current.code, kind: current.kind, outcome: null },
        inputs,
      };
    }
    const t = def.workflow.transitions.find((x) => x.action === action && x.from.includes(state))!;
    const to = stateOf(def, t.to)!;
    return {
      action,
      kind: 'transition',
      to: { code: to.code, kind: to.kind, outcome: to.outcome ?? null },
      inputs: transitionInputs(def, state, action),
    };
  });
}

/** The roles a colleague needs to be assigned a case in this state: those who may take it on from here. */
export function assignableRoles(def: ServiceDefinition, state: string): string[] {
  const current = stateOf(def, state);
  return current ? caseActionRoles(def, current, 'claim') : [];
}
