import { describe, expect, it } from 'vitest';
import { INQUIRY_SERVICE as inquiry } from './demo-services.js';
import { type ActionInput, allowedActions, applyAction, type CaseSnapshot } from './transitions.js';
import { type Actor, CASE_ACTIONS, type StaffRole } from './types.js';

const staff = (role: StaffRole): Actor => ({ kind: 'staff', roles: [role] });
const ACTORS: Record<string, Actor> = {
  applicant: { kind: 'applicant' },
  clerk: staff('clerk'),
  expert: staff('expert'),
  inspector: staff('inspector'),
  district_manager: staff('district_manager'),
  finance: staff('finance'),
  oversight: staff('oversight'),
  admin: staff('admin'),
  system: { kind: 'system' },
};

const COMPLETE_FORM = { purpose: 'transfer', requesterLetterNumber: '۱۲۳/۴۵', buyerNationalId: '0076229645' };
const ALL_DOCUMENTS = inquiry.documents.map((d) => ({ code: d.code }));
const FULL_INPUT: ActionInput = {
  reason: 'سند ناخوانا است',
  returnedFields: ['deed_image'],
  visitFindings: { builtAsPermitted: true },
  assignee: 'user-1',
};

function snapshot(state: string, overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    state,
    formData: COMPLETE_FORM,
    documents: ALL_DOCUMENTS,
    visitFindings: { ok: true },
    ...overrides,
  };
}

// Every action each actor may take in each state of the inquiry workflow (terminal states: none for anyone).
const EXPECTED: Record<string, Partial<Record<keyof typeof ACTORS, string[]>>> = {
  draft: { applicant: ['submit', 'withdraw'] },
  submitted: {
    applicant: ['withdraw'],
    clerk: ['request_correction', 'claim', 'assign'],
    expert: ['request_correction', 'order_site_visit', 'approve', 'refuse', 'claim'],
    district_manager: ['request_correction', 'order_site_visit', 'approve', 'refuse', 'claim', 'assign'],
    system: ['auto_issue', 'escalate'],
  },
  returned: { applicant: ['resubmit', 'withdraw'] },
  site_visit: {
    applicant: ['withdraw'],
    clerk: ['assign'],
    inspector: ['record_visit_findings', 'claim'],
    district_manager: ['assign'],
    system: ['escalate'],
  },
  under_review: {
    applicant: ['withdraw'],
    clerk: ['assign'],
    district_manager: ['approve', 'refuse', 'claim', 'assign'],
    system: ['escalate'],
  },
  approved: {},
  refused: {},
  withdrawn: {},
};

const ALL_ACTIONS = [...new Set([...inquiry.workflow.transitions.map((t) => t.action), ...CASE_ACTIONS])];

describe('inquiry workflow: who may do what', () => {
  for (const [state, byActor] of Object.entries(EXPECTED)) {
    for (const [name, actor] of Object.entries(ACTORS)) {
      const expected = byActor[name] ?? [];
      it(`${state}: ${name} may ${expected.length === 0 ? 'do nothing' : expected.join(', ')}`, () => {
        expect(allowedActions(inquiry, state, actor)).toEqual(expected);
      });

      it(`${state}: ${name} is refused every other action with the list of allowed ones`, () => {
        for (const action of ALL_ACTIONS) {
          const result = applyAction(inquiry, snapshot(state), action, actor, FULL_INPUT);
          if (expected.includes(action)) {
            expect(result.ok, `${action} should succeed`).toBe(true);
            continue;
          }
          const possibleHere = Object.values(EXPECTED[state]).some((actions) => actions?.includes(action));
          expect(result).toEqual({
            ok: false,
            error: possibleHere ? 'forbidden_role' : 'illegal_transition',
            allowed: expected,
          });
        }
      });
    }
  }

  it('a staff member with two roles gets the union, acting under the role that allows it', () => {
    const both: Actor = { kind: 'staff', roles: ['inspector', 'expert'] };
    expect(allowedActions(inquiry, 'submitted', both)).toEqual(EXPECTED.submitted.expert);
    const result = applyAction(inquiry, snapshot('site_visit'), 'record_visit_findings', both, FULL_INPUT);
    expect(result.ok && result.event.actorRole).toBe('inspector');
  });

  it('knows no actions in a state the definition does not have', () => {
    expect(allowedActions(inquiry, 'archived', ACTORS.applicant)).toEqual([]);
    expect(applyAction(inquiry, snapshot('archived'), 'withdraw', ACTORS.applicant)).toEqual({
      ok: false,
      error: 'unknown_state',
      state: 'archived',
    });
  });
});

describe('inquiry workflow: inputs and guards', () => {
  it('submit lists every missing field and document', () => {
    const empty = snapshot('draft', { formData: { buyerNationalId: '0076229646' }, documents: [] });
    expect(applyAction(inquiry, empty, 'submit', ACTORS.applicant)).toEqual({
      ok: false,
      error: 'guard_failed',
      guard: 'form_complete',
      guards: ['form_complete', 'required_documents_present'],
      missing: [
        'purpose',
        'requesterLetterNumber',
        'buyerNationalId',
        'inquiry_letter',
        'deed_image',
        'owner_id_card',
      ],
    });
  });

  it('submit with only a document missing names that document', () => {
    const noDeed = snapshot('draft', { documents: ALL_DOCUMENTS.filter((d) => d.code !== 'deed_image') });
    expect(applyAction(inquiry, noDeed, 'submit', ACTORS.applicant)).toMatchObject({
      error: 'guard_failed',
      guard: 'required_documents_present',
      missing: ['deed_image'],
    });
  });

  it('a correction request needs a reason and the items to fix, all known', () => {
    const at = snapshot('submitted');
    const ask = (input: ActionInput) => applyAction(inquiry, at, 'request_correction', ACTORS.expert, input);
    expect(ask({ returnedFields: ['deed_image'] })).toEqual({ ok: false, error: 'reason_required' });
    expect(ask({ reason: '  ', returnedFields: ['deed_image'] })).toEqual({
      ok: false,
      error: 'reason_required',
    });
    expect(ask({ reason: 'x' })).toEqual({ ok: false, error: 'input_required', missing: ['returnedFields'] });
    expect(ask({ reason: 'x', returnedFields: [] })).toMatchObject({ error: 'input_required' });
    expect(ask({ reason: 'x', returnedFields: ['deed_image', 'shoe_size'] })).toEqual({
      ok: false,
      error: 'unknown_returned_fields',
      unknown: ['shoe_size'],
    });
  });

  it('the district manager cannot approve after a visit without the findings on the case', () => {
    const noFindings = snapshot('under_review', { visitFindings: undefined });
    expect(applyAction(inquiry, noFindings, 'approve', ACTORS.district_manager)).toMatchObject({
      ok: false,
      error: 'guard_failed',
      guard: 'visit_findings_recorded',
      missing: ['visitFindings'],
    });
  });

  it('refusal needs a reason; assignment needs an assignee', () => {
    expect(applyAction(inquiry, snapshot('submitted'), 'refuse', ACTORS.expert)).toEqual({
      ok: false,
      error: 'reason_required',
    });
    expect(applyAction(inquiry, snapshot('submitted'), 'assign', ACTORS.clerk, {})).toEqual({
      ok: false,
      error: 'input_required',
      missing: ['assignee'],
    });
    expect(applyAction(inquiry, snapshot('site_visit'), 'record_visit_findings', ACTORS.inspector)).toEqual({
      ok: false,
      error: 'input_required',
      missing: ['visitFindings'],
    });
  });
});
