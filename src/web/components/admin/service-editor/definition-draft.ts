import type { DefinitionProblem, ServiceDefinition } from '../../../api/admin-services.js';
import type { Labels } from '../../../api/cases.js';

/** The parts of a definition the editor shows one by one; `general` is the code and the names. */
export const LIST_SECTIONS = ['formFields', 'documents', 'states', 'transitions'] as const;
export type ListSection = (typeof LIST_SECTIONS)[number];
export type Section = 'general' | ListSection;

/** One item of a list section, as JSON text the administrator edits; `key` only keeps React's rows apart. */
export interface DraftItem {
  key: string;
  text: string;
}

/** A definition being edited: each item its own JSON text, so an error can be shown beside the item. */
export interface DefinitionDraft {
  general: string;
  formFields: DraftItem[];
  documents: DraftItem[];
  states: DraftItem[];
  transitions: DraftItem[];
}

let nextKey = 0;
/** A draft item for a value. */
export function itemOf(value: unknown): DraftItem {
  nextKey += 1;
  return { key: `item-${nextKey}`, text: JSON.stringify(value, null, 2) };
}

export function draftOf(def: ServiceDefinition): DefinitionDraft {
  return {
    general: JSON.stringify({ code: def.code, names: def.names }, null, 2),
    formFields: def.formFields.map(itemOf),
    documents: def.documents.map(itemOf),
    states: def.workflow.states.map(itemOf),
    transitions: def.workflow.transitions.map(itemOf),
  };
}

/** Where a text of the draft failed to parse as JSON: the section, and the item (null for the general part). */
export interface ParseError {
  section: Section;
  index: number | null;
}

/** The definition the draft stands for, or the texts that are not JSON. */
export function composeDraft(
  draft: DefinitionDraft,
): { ok: true; definition: Record<string, unknown> } | { ok: false; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const parse = (text: string, section: Section, index: number | null): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      errors.push({ section, index });
      return null;
    }
  };
  const general = parse(draft.general, 'general', null);
  const lists = Object.fromEntries(
    LIST_SECTIONS.map((section) => [
      section,
      draft[section].map((item, index) => parse(item.text, section, index)),
    ]),
  ) as Record<ListSection, unknown[]>;
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    definition: {
      ...(general as Record<string, unknown>),
      formFields: lists.formFields,
      documents: lists.documents,
      workflow: { initial: 'draft', states: lists.states, transitions: lists.transitions },
    },
  };
}

/** Where a problem belongs in the editor: a section, an item of it (or the section itself), the path inside. */
export interface ProblemPlace {
  section: Section | 'definition';
  index: number | null;
  /** The rest of the path inside the item, e.g. `labels.vi`; '' for the item (or section) itself. */
  subPath: string;
}

const ITEM_PATHS: [RegExp, ListSection][] = [
  [/^formFields(?:\[(\d+)\])?\.?(.*)$/, 'formFields'],
  [/^documents(?:\[(\d+)\])?\.?(.*)$/, 'documents'],
  [/^workflow\.states(?:\[(\d+)\])?\.?(.*)$/, 'states'],
  [/^workflow\.transitions(?:\[(\d+)\])?\.?(.*)$/, 'transitions'],
];

/** The place of a problem's path (`workflow.transitions[2].by[1]` → transitions, item 2, `by[1]`). */
export function placeOf(path: string): ProblemPlace {
  for (const [pattern, section] of ITEM_PATHS) {
    const match = pattern.exec(path);
    if (match) return { section, index: match[1] === undefined ? null : Number(match[1]), subPath: match[2] };
  }
  if (/^(code|names)\b/.test(path)) return { section: 'general', index: null, subPath: path };
  // `workflow.initial` and `workflow` concern the states (the initial state is always the draft).
  if (path.startsWith('workflow')) return { section: 'states', index: null, subPath: path };
  return { section: 'definition', index: null, subPath: path };
}

/** The problems of one place: a section's own (index null) or one item's. */
export function problemsAt(
  problems: DefinitionProblem[],
  section: Section | 'definition',
  index: number | null,
): (DefinitionProblem & { subPath: string })[] {
  return problems
    .map((problem) => ({ ...problem, ...placeOf(problem.path) }))
    .filter((p) => p.section === section && p.index === index)
    .map(({ section: _s, index: _i, ...problem }) => problem);
}

/** New items, and a whole new service, with labels in the three languages from `label(key)`. */
export function templates(label: (key: string) => Labels) {
  const blank = label('blank');
  return {
    formFields: { name: 'newField', type: 'text', required: false, labels: blank },
    documents: { code: 'new_document', labels: blank, required: false, accept: ['pdf'], maxBytes: 5_242_880 },
    states: { code: 'new_step', kind: 'staff', targetWorkingDays: 2, labels: blank },
    transitions: { action: 'new_action', from: ['submitted'], to: 'approved', by: ['expert'], labels: blank },
    service: (): ServiceDefinition => ({
      code: 'new_service',
      names: label('serviceName'),
      formFields: [],
      documents: [],
      workflow: {
        initial: 'draft',
        states: [
          { code: 'draft', kind: 'draft', labels: label('draft') },
          { code: 'submitted', kind: 'staff', targetWorkingDays: 5, labels: label('submitted') },
          { code: 'approved', kind: 'terminal', outcome: 'approved', labels: label('approved') },
          { code: 'refused', kind: 'terminal', outcome: 'refused', labels: label('refused') },
          { code: 'withdrawn', kind: 'terminal', outcome: 'withdrawn', labels: label('withdrawn') },
        ],
        transitions: [
          { action: 'submit', from: ['draft'], to: 'submitted', by: ['applicant'], labels: label('submit') },
          {
            action: 'approve',
            from: ['submitted'],
            to: 'approved',
            by: ['expert', 'district_manager'],
            labels: label('approve'),
          },
          {
            action: 'refuse',
            from: ['submitted'],
            to: 'refused',
            by: ['expert', 'district_manager'],
            requiresReason: true,
            labels: label('refuse'),
          },
          {
            action: 'withdraw',
            from: ['draft', 'submitted'],
            to: 'withdrawn',
            by: ['applicant'],
            labels: label('withdraw'),
          },
        ],
      },
    }),
  };
}
