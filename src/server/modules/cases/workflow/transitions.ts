import { actorRoles, caseActionRoles, isCaseAction } from './case-actions.js';
import { type CaseSnapshot, failedGuards } from './guards.js';
import {
  type Actor,
  type ActorRole,
  CASE_ACTIONS,
  type Guard,
  type Outcome,
  type ServiceDefinition,
  type Transition,
  type TransitionInput,
  type WorkflowState,
} from './types.js';

export type { CaseSnapshot };

/** What the actor supplies with an action. `returnedFields` names form fields and document codes to fix. */
export interface ActionInput {
  reason?: string;
  returnedFields?: string[];
  visitFindings?: unknown;
  assignee?: string;
}

/**
 * What the SLA clock of the case should do: `start` a new step clock (`targetWorkingDays`), `pause` it while the
 * applicant has the case, `resume` it when the case returns to the step that handed it out, `stop` it (closed, or a
 * step without a target), or leave it (`none`).
 */
export type ClockEffect = 'start' | 'pause' | 'resume' | 'stop' | 'none';

/** The record of an accepted action, for the case timeline and the clock. */
export interface CaseEvent {
  action: string;
  from: string;
  to: string;
  /** The role the actor acted under. */
  actorRole: ActorRole;
  stateChanged: boolean;
  clock: ClockEffect;
  targetWorkingDays?: number;
  outcome?: Outcome;
  reason?: string;
  returnedFields?: string[];
  visitFindings?: unknown;
  assignee?: string;
}

/** An action refused, as a 409-style answer that lists what the actor may do instead. */
export type ActionFailure =
  | { ok: false; error: 'unknown_state'; state: string }
  | { ok: false; error: 'illegal_transition'; allowed: string[] }
  | { ok: false; error: 'forbidden_role'; allowed: string[] }
  | { ok: false; error: 'reason_required' }
  | { ok: false; error: 'input_required'; missing: TransitionInput[] }
  | { ok: false; error: 'unknown_returned_fields'; unknown: string[] }
  | { ok: false; error: 'guard_failed'; guard: Guard; missing: string[]; guards: Guard[] };

/** The outcome of applyAction. */
export type ActionResult = { ok: true; to: string; event: CaseEvent } | ActionFailure;

function stateOf(def: ServiceDefinition, code: string): WorkflowState | undefined {
  return def.workflow.states.find((s) => s.code === code);
}

// Inputs come from JSON bodies, so the types are checked here too.
function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function roleFor(actor: Actor, allowed: readonly ActorRole[]): ActorRole | undefined {
  return actorRoles(actor).find((role) => allowed.includes(role));
}

/**
 * The actions `actor` may take in `state`: workflow transitions first, then claim/assign/escalate. Guards are not
 * evaluated here (a submit button shows even when a document is missing; applyAction then says which).
 */
export function allowedActions(def: ServiceDefinition, state: string, actor: Actor): string[] {
  const current = stateOf(def, state);
  if (current === undefined) return [];
  const actions = def.workflow.transitions
    .filter((t) => t.from.includes(state) && roleFor(actor, t.by) !== undefined)
    .map((t) => t.action);
  for (const action of CASE_ACTIONS) {
    if (roleFor(actor, caseActionRoles(def, current, action)) !== undefined) actions.push(action);
  }
  return [...new Set(actions)];
}

function clockEffect(def: ServiceDefinition, from: WorkflowState, to: WorkflowState): ClockEffect {
  if (from.code === to.code || to.kind === 'draft') return 'none';
  if (to.kind === 'terminal') return 'stop';
  if (to.kind === 'applicant') return from.kind === 'staff' ? 'pause' : 'none';
  if (to.targetWorkingDays === undefined) return 'stop';
  // Back to the step that returned it (validation guarantees there is only one): the paused clock carries on.
  const returnedBy = def.workflow.transitions.some((t) => t.to === from.code && t.from.includes(to.code));
  return from.kind === 'applicant' && returnedBy ? 'resume' : 'start';
}

function checkInputs(def: ServiceDefinition, t: Transition, input: ActionInput): ActionFailure | null {
  if (t.requiresReason === true && !isText(input.reason)) return { ok: false, error: 'reason_required' };
  const missing = (t.requiresFields ?? []).filter((name) => {
    const value = input[name];
    if (name === 'returnedFields') return !Array.isArray(value) || value.length === 0;
    if (name === 'assignee') return !isText(value);
    return value === undefined || value === null;
  });
  if (missing.length > 0) return { ok: false, error: 'input_required', missing };
  if (t.requiresFields?.includes('returnedFields')) {
    const known = new Set([...def.formFields.map((f) => f.name), ...def.documents.map((d) => d.code)]);
    const unknown = input.returnedFields!.filter((name) => !known.has(name));
    if (unknown.length > 0) return { ok: false, error: 'unknown_returned_fields', unknown };
  }
  return null;
}

function applyCaseAction(
  def: ServiceDefinition,
  state: WorkflowState,
  action: 'claim' | 'assign' | 'escalate',
  actor: Actor,
  input: ActionInput,
): ActionResult {
  const roles = caseActionRoles(def, state, action);
  const allowed = allowedActions(def, state.code, actor);
  if (roles.length === 0) return { ok: false, error: 'illegal_transition', allowed };
  const actorRole = roleFor(actor, roles);
  if (actorRole === undefined) return { ok: false, error: 'forbidden_role', allowed };
  if (action === 'assign' && !isText(input.assignee)) {
    return { ok: false, error: 'input_required', missing: ['assignee'] };
  }
  const event: CaseEvent = {
    action,
    from: state.code,
    to: state.code,
    actorRole,
    stateChanged: false,
    clock: 'none',
    ...(action === 'assign' ? { assignee: input.assignee } : {}),
  };
  return { ok: true, to: state.code, event };
}

/**
 * Decides one action on a case: the new state and the event to record, or why not. Checks, in order: the state
 * exists, the action is possible here, the actor's role, the reason, the required inputs, then the guards.
 */
export function applyAction(
  def: ServiceDefinition,
  snapshot: CaseSnapshot,
  action: string,
  actor: Actor,
  input: ActionInput = {},
): ActionResult {
  const from = stateOf(def, snapshot.state);
  if (from === undefined) return { ok: false, error: 'unknown_state', state: snapshot.state };
  if (isCaseAction(action)) return applyCaseAction(def, from, action, actor, input);
  const transition = def.workflow.transitions.find((t) => t.action === action && t.from.includes(from.code));
  if (transition === undefined) {
    return { ok: false, error: 'illegal_transition', allowed: allowedActions(def, from.code, actor) };
  }
  const actorRole = roleFor(actor, transition.by);
  if (actorRole === undefined) {
    return { ok: false, error: 'forbidden_role', allowed: allowedActions(def, from.code, actor) };
  }
  const inputFailure = checkInputs(def, transition, input);
  if (inputFailure !== null) return inputFailure;
  const failed = failedGuards(def, transition, snapshot);
  if (failed.length > 0) {
    const missing = [...new Set(failed.flatMap((f) => f.missing))];
    return {
      ok: false,
      error: 'guard_failed',
      guard: failed[0].guard,
      missing,
      guards: failed.map((f) => f.guard),
    };
  }
  const to = stateOf(def, transition.to)!;
  const clock = clockEffect(def, from, to);
  const event: CaseEvent = {
    action,
    from: from.code,
    to: to.code,
    actorRole,
    stateChanged: from.code !== to.code,
    clock,
  };
  if (clock === 'start') event.targetWorkingDays = to.targetWorkingDays;
  if (to.outcome !== undefined) event.outcome = to.outcome;
  if (isText(input.reason)) event.reason = input.reason.trim();
  for (const name of transition.requiresFields ?? []) {
    if (name === 'returnedFields') event.returnedFields = [...new Set(input.returnedFields)];
    else if (name === 'visitFindings') event.visitFindings = input.visitFindings;
    else event.assignee = input.assignee;
  }
  return { ok: true, to: to.code, event };
}
