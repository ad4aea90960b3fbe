import { STAFF_ROLES } from '../../../http/principal.js';
import { Checker, isObj } from './shape-checker.js';
import {
  CASE_ACTIONS,
  DOCUMENT_FORMATS,
  FIELD_TYPES,
  GUARDS,
  OUTCOMES,
  STATE_KINDS,
  TRANSITION_INPUTS,
} from './types.js';

const CODE = /^[a-z][a-z0-9_]{1,39}$/;
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const ACTOR_ROLES: readonly string[] = ['applicant', 'system', ...STAFF_ROLES];
const MAX_DOCUMENT_BYTES = 100 * 1024 * 1024;

function strings(values: unknown[]): (string | null)[] {
  return values.map((value) => (typeof value === 'string' ? value : null));
}

function checkField(c: Checker, field: unknown, path: string): string | null {
  if (
    !c.object(field, path, ['name', 'type', 'required', 'labels'], ['options', 'min', 'max', 'maxLength'])
  ) {
    return null;
  }
  const name = c.pattern(field.name, `${path}.name`, FIELD_NAME);
  c.oneOf(field.type, `${path}.type`, FIELD_TYPES);
  c.boolean(field.required, `${path}.required`);
  c.labels(field.labels, `${path}.labels`);
  if (field.type === 'select') {
    const options = c.array(field.options, `${path}.options`, true);
    for (const [i, option] of options.entries()) {
      if (c.object(option, `${path}.options[${i}]`, ['value', 'labels'])) {
        if (typeof option.value !== 'string' || option.value === '') {
          c.add(`${path}.options[${i}].value is empty`);
        }
        c.labels(option.labels, `${path}.options[${i}].labels`);
      }
    }
    c.unique(strings(options.map((o) => (isObj(o) ? o.value : null))), `${path} option`);
  } else if (field.options !== undefined) c.add(`${path}.options is only for select fields`);
  for (const bound of ['min', 'max'] as const) {
    if (field[bound] === undefined) continue;
    if (field.type !== 'number') c.add(`${path}.${bound} is only for number fields`);
    else if (!Number.isFinite(field[bound])) c.add(`${path}.${bound} is not a number`);
  }
  if (typeof field.min === 'number' && typeof field.max === 'number' && field.min > field.max) {
    c.add(`${path}.min is greater than max`);
  }
  if (field.maxLength !== undefined) {
    if (field.type !== 'text') c.add(`${path}.maxLength is only for text fields`);
    else c.positiveInteger(field.maxLength, `${path}.maxLength`);
  }
  return name;
}

function checkDocument(c: Checker, doc: unknown, path: string): string | null {
  if (!c.object(doc, path, ['code', 'labels', 'required', 'accept', 'maxBytes'])) return null;
  const code = c.pattern(doc.code, `${path}.code`, CODE);
  c.labels(doc.labels, `${path}.labels`);
  c.boolean(doc.required, `${path}.required`);
  const accept = c.array(doc.accept, `${path}.accept`, true);
  for (const [i, format] of accept.entries()) c.oneOf(format, `${path}.accept[${i}]`, DOCUMENT_FORMATS);
  c.unique(strings(accept), `${path} format`);
  c.positiveInteger(doc.maxBytes, `${path}.maxBytes`, MAX_DOCUMENT_BYTES);
  return code;
}

function checkState(c: Checker, state: unknown, path: string): string | null {
  if (!c.object(state, path, ['code', 'labels', 'kind'], ['targetWorkingDays', 'outcome'])) return null;
  const code = c.pattern(state.code, `${path}.code`, CODE);
  c.labels(state.labels, `${path}.labels`);
  c.oneOf(state.kind, `${path}.kind`, STATE_KINDS);
  if (state.targetWorkingDays !== undefined) {
    if (state.kind === 'staff') c.positiveInteger(state.targetWorkingDays, `${path}.targetWorkingDays`, 365);
    else c.add(`${path}.targetWorkingDays is only for staff states: the clock stops elsewhere`);
  }
  if (state.kind === 'terminal') c.oneOf(state.outcome, `${path}.outcome`, OUTCOMES);
  else if (state.outcome !== undefined) c.add(`${path}.outcome is only for terminal states`);
  return code;
}

function checkTransition(c: Checker, t: unknown, path: string): void {
  const optional = ['requiresReason', 'requiresFields', 'guard'];
  if (!c.object(t, path, ['action', 'from', 'to', 'by', 'labels'], optional)) return;
  const action = c.pattern(t.action, `${path}.action`, CODE);
  if (action !== null && (CASE_ACTIONS as readonly string[]).includes(action)) {
    c.add(`${path}.action "${action}" is an engine action that does not change state`);
  }
  const from = c.array(t.from, `${path}.from`, true);
  for (const [i, code] of from.entries()) c.pattern(code, `${path}.from[${i}]`, CODE);
  c.unique(strings(from), `${path}.from state`);
  c.pattern(t.to, `${path}.to`, CODE);
  const by = c.array(t.by, `${path}.by`, true);
  for (const [i, role] of by.entries()) c.oneOf(role, `${path}.by[${i}]`, ACTOR_ROLES);
  c.unique(strings(by), `${path}.by role`);
  if (t.requiresReason !== undefined) c.boolean(t.requiresReason, `${path}.requiresReason`);
  if (t.requiresFields !== undefined) {
    const inputs = c.array(t.requiresFields, `${path}.requiresFields`);
    for (const [i, input] of inputs.entries())
      c.oneOf(input, `${path}.requiresFields[${i}]`, TRANSITION_INPUTS);
  }
  if (t.guard !== undefined && t.guard !== null) {
    const guards = Array.isArray(t.guard) ? t.guard : [t.guard];
    for (const [i, guard] of guards.entries()) c.oneOf(guard, `${path}.guard[${i}]`, GUARDS);
  }
  c.labels(t.labels, `${path}.labels`);
}

/** Problems with the shape of a would-be service definition (types, codes, labels, uniqueness); [] if none. */
export function shapeProblems(def: unknown): string[] {
  const c = new Checker();
  const keys = ['code', 'names', 'formFields', 'documents', 'workflow'];
  if (!c.object(def, 'definition', keys)) return c.problems;
  c.pattern(def.code, 'code', /^[a-z0-9_]{2,40}$/);
  c.labels(def.names, 'names');
  const fields = c.array(def.formFields, 'formFields').map((f, i) => checkField(c, f, `formFields[${i}]`));
  const docs = c.array(def.documents, 'documents').map((d, i) => checkDocument(c, d, `documents[${i}]`));
  // Returned items name fields and documents in one list, so the two sets of codes must not overlap.
  c.unique([...fields, ...docs], 'field or document code');
  if (!c.object(def.workflow, 'workflow', ['initial', 'states', 'transitions'])) return c.problems;
  const { workflow } = def;
  if (workflow.initial !== 'draft') c.add('workflow.initial must be "draft"');
  const states = c.array(workflow.states, 'workflow.states', true);
  c.unique(
    states.map((s, i) => checkState(c, s, `workflow.states[${i}]`)),
    'state code',
  );
  const transitions = c.array(workflow.transitions, 'workflow.transitions', true);
  for (const [i, t] of transitions.entries()) checkTransition(c, t, `workflow.transitions[${i}]`);
  return c.problems;
}
