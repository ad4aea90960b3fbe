import type { DefinitionProblem, DefinitionRule } from './shape-checker.js';
import type { ServiceDefinition, Transition, WorkflowState } from './types.js';

type Add = (path: string, rule: DefinitionRule, params?: Record<string, string | number>) => void;

function reachableFrom(start: string[], edges: Map<string, Set<string>>): Set<string> {
  const seen = new Set(start);
  const queue = [...start];
  while (queue.length > 0) {
    for (const next of edges.get(queue.pop()!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

function edgeMaps(transitions: Transition[]) {
  const forward = new Map<string, Set<string>>();
  const backward = new Map<string, Set<string>>();
  const link = (map: Map<string, Set<string>>, a: string, b: string) => {
    if (!map.has(a)) map.set(a, new Set());
    map.get(a)!.add(b);
  };
  for (const t of transitions) {
    for (const from of t.from) {
      link(forward, from, t.to);
      link(backward, t.to, from);
    }
  }
  return { forward, backward };
}

function checkTransitions(def: ServiceDefinition, byCode: Map<string, WorkflowState>, add: Add) {
  const seenAction = new Set<string>();
  for (const [i, t] of def.workflow.transitions.entries()) {
    const path = `workflow.transitions[${i}]`;
    const action = t.action;
    if (!byCode.has(t.to)) add(`${path}.to`, 'unknown_target', { action, state: t.to });
    const to = byCode.get(t.to);
    for (const [j, from] of t.from.entries()) {
      const state = byCode.get(from);
      if (state === undefined) add(`${path}.from[${j}]`, 'unknown_source', { action, state: from });
      else if (state.kind === 'terminal')
        add(`${path}.from[${j}]`, 'leaves_terminal', { action, state: from });
      else if (state.kind === 'draft' && t.by.some((role) => role !== 'applicant')) {
        add(`${path}.by`, 'staff_on_draft', { action, state: from });
      }
      // Each (state, action) must name one transition, or the outcome of an action would be ambiguous.
      if (seenAction.has(`${from}\u0000${action}`))
        add(`${path}.action`, 'duplicate_action', { action, state: from });
      seenAction.add(`${from}\u0000${action}`);
    }
    if (to?.outcome === 'refused' && t.requiresReason !== true) {
      add(`${path}.requiresReason`, 'refusal_needs_reason', { action });
    }
    if (t.requiresFields?.includes('returnedFields') && to?.kind !== 'applicant') {
      add(`${path}.requiresFields`, 'returned_not_to_applicant', { action });
    }
  }
}

function checkStates(def: ServiceDefinition, add: Add) {
  const { states, transitions } = def.workflow;
  const { forward, backward } = edgeMaps(transitions);
  const drafts = states.filter((s) => s.kind === 'draft');
  if (drafts.length !== 1) add('workflow.states', 'draft_count', { count: drafts.length });
  if (!states.some((s) => s.code === def.workflow.initial && s.kind === 'draft')) {
    add('workflow.initial', 'initial_draft');
  }
  const reachable = reachableFrom([def.workflow.initial], forward);
  const terminals = states.filter((s) => s.kind === 'terminal').map((s) => s.code);
  const canFinish = reachableFrom(terminals, backward);
  if (!states.some((s) => s.kind === 'terminal' && s.outcome === 'approved')) {
    add('workflow.states', 'no_approved');
  }
  for (const [i, state] of states.entries()) {
    const path = `workflow.states[${i}]`;
    const params = { state: state.code, initial: def.workflow.initial };
    if (!reachable.has(state.code)) add(path, 'unreachable', params);
    if (state.kind !== 'terminal' && !canFinish.has(state.code)) add(path, 'dead_end', params);
    const out = transitions.filter((t) => t.from.includes(state.code));
    if (
      (state.kind === 'draft' || state.kind === 'applicant') &&
      !out.some((t) => t.by.includes('applicant'))
    ) {
      add(path, 'applicant_cannot_act', params);
    }
    if (state.kind === 'staff' && !out.some((t) => t.by.some((role) => role !== 'applicant'))) {
      add(path, 'staff_cannot_act', params);
    }
    if (state.kind === 'applicant') {
      // The paused clock resumes at the step that returned the case, so that step must be unique.
      const sources = transitions
        .filter((t) => t.to === state.code)
        .flatMap((t) => t.from)
        .filter((code) => def.workflow.states.find((s) => s.code === code)?.kind === 'staff');
      const distinct = [...new Set(sources)];
      if (distinct.length > 1) add(path, 'returned_from_several', { ...params, steps: distinct.join(', ') });
    }
  }
}

/** Problems with the workflow as a graph; expects a definition whose shape already passed shapeProblems. */
export function graphProblems(def: ServiceDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add: Add = (path, rule, params) => problems.push(params ? { path, rule, params } : { path, rule });
  const byCode = new Map(def.workflow.states.map((s) => [s.code, s]));
  checkTransitions(def, byCode, add);
  checkStates(def, add);
  return problems;
}
