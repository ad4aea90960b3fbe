import type { ServiceDefinition, Transition, WorkflowState } from './types.js';

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

function checkTransitions(
  def: ServiceDefinition,
  byCode: Map<string, WorkflowState>,
  add: (p: string) => void,
) {
  const seenAction = new Set<string>();
  for (const t of def.workflow.transitions) {
    const name = `transition "${t.action}"`;
    if (!byCode.has(t.to)) add(`${name} goes to unknown state "${t.to}"`);
    const to = byCode.get(t.to);
    for (const from of t.from) {
      const state = byCode.get(from);
      if (state === undefined) add(`${name} starts from unknown state "${from}"`);
      else if (state.kind === 'terminal')
        add(`${name} leaves terminal state "${from}"; terminal states are final`);
      else if (state.kind === 'draft' && t.by.some((role) => role !== 'applicant')) {
        add(`${name} lets staff act on the applicant's draft "${from}"`);
      }
      // Each (state, action) must name one transition, or the outcome of an action would be ambiguous.
      if (seenAction.has(`${from}\u0000${t.action}`)) add(`${name} is defined twice from state "${from}"`);
      seenAction.add(`${from}\u0000${t.action}`);
    }
    if (to?.outcome === 'refused' && t.requiresReason !== true) {
      add(`${name} refuses the case without requiring a reason; the applicant must see why`);
    }
    if (t.requiresFields?.includes('returnedFields') && to?.kind !== 'applicant') {
      add(`${name} asks for returnedFields but does not return the case to the applicant`);
    }
  }
}

function checkStates(def: ServiceDefinition, add: (p: string) => void) {
  const { states, transitions } = def.workflow;
  const { forward, backward } = edgeMaps(transitions);
  const drafts = states.filter((s) => s.kind === 'draft');
  if (drafts.length !== 1) add(`the workflow needs exactly one draft state, found ${drafts.length}`);
  if (!states.some((s) => s.code === def.workflow.initial && s.kind === 'draft')) {
    add(`the initial state "${def.workflow.initial}" must exist and be of kind draft`);
  }
  const reachable = reachableFrom([def.workflow.initial], forward);
  const terminals = states.filter((s) => s.kind === 'terminal').map((s) => s.code);
  const canFinish = reachableFrom(terminals, backward);
  if (!states.some((s) => s.kind === 'terminal' && s.outcome === 'approved')) {
    add('the workflow has no terminal state with outcome "approved"');
  }
  for (const state of states) {
    const name = `state "${state.code}"`;
    if (!reachable.has(state.code)) add(`${name} cannot be reached from "${def.workflow.initial}"`);
    if (state.kind !== 'terminal' && !canFinish.has(state.code))
      add(`${name} is a dead end: no path to a terminal state`);
    const out = transitions.filter((t) => t.from.includes(state.code));
    if (
      (state.kind === 'draft' || state.kind === 'applicant') &&
      !out.some((t) => t.by.includes('applicant'))
    ) {
      add(`${name} waits for the applicant but the applicant has no action there`);
    }
    if (state.kind === 'staff' && !out.some((t) => t.by.some((role) => role !== 'applicant'))) {
      add(`${name} waits for staff but no staff role or the system can move it on`);
    }
    if (state.kind === 'applicant') {
      // The paused clock resumes at the step that returned the case, so that step must be unique.
      const sources = transitions
        .filter((t) => t.to === state.code)
        .flatMap((t) => t.from)
        .filter((code) => def.workflow.states.find((s) => s.code === code)?.kind === 'staff');
      const distinct = [...new Set(sources)];
      if (distinct.length > 1) {
        add(
          `${name} is entered from several steps (${distinct.join(', ')}); give each its own returned state`,
        );
      }
    }
  }
}

/** Problems with the workflow as a graph; expects a definition whose shape already passed shapeProblems. */
export function graphProblems(def: ServiceDefinition): string[] {
  const problems: string[] = [];
  const add = (p: string) => problems.push(p);
  const byCode = new Map(def.workflow.states.map((s) => [s.code, s]));
  checkTransitions(def, byCode, add);
  checkStates(def, add);
  return problems;
}
