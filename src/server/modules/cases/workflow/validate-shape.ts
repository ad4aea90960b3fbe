import { STAFF_ROLES } from '../../../http/principal.js';
import { Checker, type DefinitionProblem, isObj } from './shape-checker.js';
import {
  CASE_ACTIONS,
  DOCUMENT_FORMATS,
  FIELD_TYPES,
  GUARDS,
  OUTCOMES,
  STATE_KINDS,
  TRANSITION_INPUTS,
} from './types.js';

const ACTOR_ROLES: readonly string[] = ['applicant', 'system', ...STAFF_ROLES];
const MAX_DOCUMENT_BYTES = 100 * 1024 * 1024;

/** The string values of a list with the path of each, for Checker.unique. */
function entries(values: unknown[], path: (i: number) => string) {
  return values.map((value, i) => ({ value: typeof value === 'string' ? value : null, path: path(i) }));
}

function checkField(c: Checker, field: unknown, path: string): string | null {
  if (
    !c.object(field, path, ['name', 'type', 'required', 'labels'], ['options', 'min', 'max', 'maxLength'])
  ) {
    return null;
  }
  const name = c.name(field.name, `${path}.name`, 'field_name_format');
  c.oneOf(field.type, `${path}.type`, FIELD_TYPES);
  c.boolean(field.required, `${path}.required`);
  c.labels(field.labels, `${path}.labels`);
  if (field.type === 'select') {
    const options = c.array(field.options, `${path}.options`, true);
    for (const [i, option] of options.entries()) {
      if (c.object(option, `${path}.options[${i}]`, ['value', 'labels'])) {
        if (typeof option.value !== 'string' || option.value === '') {
          c.add(`${path}.options[${i}].value`, 'empty_text');
        }
        c.labels(option.labels, `${path}.options[${i}].labels`);
      }
    }
    c.unique(
      entries(
        options.map((o) => (isObj(o) ? o.value : null)),
        (i) => `${path}.options[${i}].value`,
      ),
    );
  } else if (field.options !== undefined) c.add(`${path}.options`, 'only_for_type', { type: 'select' });
  for (const bound of ['min', 'max'] as const) {
    if (field[bound] === undefined) continue;
    if (field.type !== 'number') c.add(`${path}.${bound}`, 'only_for_type', { type: 'number' });
    else if (!Number.isFinite(field[bound])) c.add(`${path}.${bound}`, 'number');
  }
  if (typeof field.min === 'number' && typeof field.max === 'number' && field.min > field.max) {
    c.add(`${path}.min`, 'min_above_max');
  }
  if (field.maxLength !== undefined) {
    if (field.type !== 'text') c.add(`${path}.maxLength`, 'only_for_type', { type: 'text' });
    else c.positiveInteger(field.maxLength, `${path}.maxLength`);
  }
  return name;
}

function checkDocument(c: Checker, doc: unknown, path: string): string | null {
  if (!c.object(doc, path, ['code', 'labels', 'required', 'accept', 'maxBytes'])) return null;
  const code = c.name(doc.code, `${path}.code`, 'code_format');
  c.labels(doc.labels, `${path}.labels`);
  c.boolean(doc.required, `${path}.required`);
  const accept = c.array(doc.accept, `${path}.accept`, true);
  for (const [i, format] of accept.entries()) c.oneOf(format, `${path}.accept[${i}]`, DOCUMENT_FORMATS);
  c.unique(entries(accept, (i) => `${path}.accept[${i}]`));
  c.positiveInteger(doc.maxBytes, `${path}.maxBytes`, MAX_DOCUMENT_BYTES);
  return code;
}

function checkState(c: Checker, state: unknown, path: string): string | null {
  if (!c.object(state, path, ['code', 'labels', 'kind'], ['targetWorkingDays', 'outcome'])) return null;
  const code = c.name(state.code, `${path}.code`, 'code_format');
  c.labels(state.labels, `${path}.labels`);
  c.oneOf(state.kind, `${path}.kind`, STATE_KINDS);
  if (state.targetWorkingDays !== undefined) {
    if (state.kind === 'staff') c.positiveInteger(state.targetWorkingDays, `${path}.targetWorkingDays`, 365);
    else c.add(`${path}.targetWorkingDays`, 'only_for_kind', { kind: 'staff' });
  }
  if (state.kind === 'terminal') c.oneOf(state.outcome, `${path}.outcome`, OUTCOMES);
  else if (state.outcome !== undefined) c.add(`${path}.outcome`, 'only_for_kind', { kind: 'terminal' });
  return code;
}

function checkTransition(c: Checker, t: unknown, path: string): void {
  const optional = ['requiresReason', 'requiresFields', 'guard'];
  if (!c.object(t, path, ['action', 'from', 'to', 'by', 'labels'], optional)) return;
  const action = c.name(t.action, `${path}.action`, 'code_format');
  if (action !== null && (CASE_ACTIONS as readonly string[]).includes(action)) {
    c.add(`${path}.action`, 'engine_action', { action });
  }
  const from = c.array(t.from, `${path}.from`, true);
  for (const [i, code] of from.entries()) c.name(code, `${path}.from[${i}]`, 'code_format');
  c.unique(entries(from, (i) => `${path}.from[${i}]`));
  c.name(t.to, `${path}.to`, 'code_format');
  const by = c.array(t.by, `${path}.by`, true);
  for (const [i, role] of by.entries()) c.oneOf(role, `${path}.by[${i}]`, ACTOR_ROLES);
  c.unique(entries(by, (i) => `${path}.by[${i}]`));
  if (t.requiresReason !== undefined) c.boolean(t.requiresReason, `${path}.requiresReason`);
  if (t.requiresFields !== undefined) {
    const inputs = c.array(t.requiresFields, `${path}.requiresFields`);
    for (const [i, input] of inputs.entries())
      c.oneOf(input, `${path}.requiresFields[${i}]`, TRANSITION_INPUTS);
  }
  if (t.guard !== undefined && t.guard !== null) {
    if (Array.isArray(t.guard)) {
      for (const [i, guard] of t.guard.entries()) c.oneOf(guard, `${path}.guard[${i}]`, GUARDS);
    } else c.oneOf(t.guard, `${path}.guard`, GUARDS);
  }
  c.labels(t.labels, `${path}.labels`);
}

/** Problems with the shape of a would-be service definition (types, codes, labels, uniqueness); [] if none. */
export function shapeProblems(def: unknown): DefinitionProblem[] {
  const c = new Checker();
  const keys = ['code', 'names', 'formFields', 'documents', 'workflow'];
  if (!c.object(def, '', keys)) return c.problems;
  c.name(def.code, 'code', 'service_code_format');
  c.labels(def.names, 'names');
  const fields = c.array(def.formFields, 'formFields').map((f, i) => ({
    value: checkField(c, f, `formFields[${i}]`),
    path: `formFields[${i}].name`,
  }));
  const docs = c.array(def.documents, 'documents').map((d, i) => ({
    value: checkDocument(c, d, `documents[${i}]`),
    path: `documents[${i}].code`,
  }));
  // Returned items name fields and documents in one list, so the two sets of codes must not overlap.
  c.unique([...fields, ...docs]);
  if (!c.object(def.workflow, 'workflow', ['initial', 'states', 'transitions'])) return c.problems;
  const { workflow } = def;
  if (workflow.initial !== 'draft') c.add('workflow.initial', 'initial_draft');
  const states = c.array(workflow.states, 'workflow.states', true);
  c.unique(
    states.map((s, i) => ({
      value: checkState(c, s, `workflow.states[${i}]`),
      path: `workflow.states[${i}].code`,
    })),
  );
  const transitions = c.array(workflow.transitions, 'workflow.transitions', true);
  for (const [i, t] of transitions.entries()) checkTransition(c, t, `workflow.transitions[${i}]`);
  return c.problems;
}
