import {
  type Actor,
  type ActorRole,
  ASSIGNING_ROLES,
  CASE_ACTIONS,
  type CaseAction,
  type ServiceDefinition,
  type WorkflowState,
} from './types.js';

/** The roles an actor can act under. */
export function actorRoles(actor: Actor): ActorRole[] {
  switch (actor.kind) {
    case 'applicant':
      return ['applicant'];
    case 'system':
      return ['system'];
    case 'staff':
      return [...actor.roles];
  }
}

/** True if `action` is one of the engine's state-preserving actions. */
export function isCaseAction(action: string): action is CaseAction {
  return (CASE_ACTIONS as readonly string[]).includes(action);
}

/** The roles that may take a state-preserving action in a state; [] where it does not apply. */
export function caseActionRoles(
  def: ServiceDefinition,
  state: WorkflowState,
  action: CaseAction,
): ActorRole[] {
  if (state.kind !== 'staff') return [];
  switch (action) {
    case 'claim': {
      // Whoever may move the case on from this step may take it.
      const roles = def.workflow.transitions
        .filter((t) => t.from.includes(state.code))
        .flatMap((t) => t.by)
        .filter((role) => role !== 'applicant' && role !== 'system');
      return [...new Set(roles)];
    }
    case 'assign':
      return [...ASSIGNING_ROLES];
    case 'escalate':
      return state.targetWorkingDays === undefined ? [] : ['system'];
  }
}
