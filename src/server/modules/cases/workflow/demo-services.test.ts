import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '../../../http/principal.js';
import { DEMO_SERVICES } from './demo-services.js';
import { allowedActions, applyAction } from './transitions.js';
import type { Actor, ServiceDefinition } from './types.js';
import { validateServiceDefinition } from './validate-definition.js';

const ACTORS: Actor[] = [
  { kind: 'applicant' },
  { kind: 'system' },
  ...STAFF_ROLES.map((role): Actor => ({ kind: 'staff', roles: [role] })),
];

describe.each(DEMO_SERVICES.map((def) => [def.code, def] as const))('demo service %s', (_code, def) => {
  it('is a valid definition', () => {
    expect(validateServiceDefinition(def)).toEqual({ ok: true });
  });

  it('gives every staff step a target and no target elsewhere, except the commission', () => {
    for (const state of def.workflow.states) {
      if (state.kind === 'staff' && state.code !== 'commission')
        expect(state.targetWorkingDays).toBeGreaterThan(0);
      if (state.kind !== 'staff') expect(state.targetWorkingDays).toBeUndefined();
    }
  });

  it('never reaches an undefined state, and someone can always move an open case on', () => {
    const states = new Map(def.workflow.states.map((s) => [s.code, s]));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(ACTORS.length - 1), fc.nat(50)), { maxLength: 40 }), (moves) => {
        let state = def.workflow.initial as string;
        for (const [actorIndex, pick] of moves) {
          const actor = ACTORS[actorIndex];
          const allowed = allowedActions(def, state, actor);
          const open = states.get(state)!.kind !== 'terminal';
          expect(open || allowed.length === 0).toBe(true);
          if (open) expect(ACTORS.some((a) => hasStateChange(def, state, a))).toBe(true);
          if (allowed.length === 0) continue;
          const result = applyAction(def, completeCase(def, state), allowed[pick % allowed.length], actor, {
            ...INPUT,
            returnedFields: [def.documents[0].code],
          });
          expect(result.ok).toBe(true);
          if (result.ok) {
            expect(states.has(result.to)).toBe(true);
            state = result.to;
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

const INPUT = { reason: 'r', returnedFields: [], visitFindings: {}, assignee: 'u' };

function hasStateChange(def: ServiceDefinition, state: string, actor: Actor): boolean {
  return def.workflow.transitions.some(
    (t) => t.from.includes(state) && allowedActions(def, state, actor).includes(t.action),
  );
}

function completeCase(def: ServiceDefinition, state: string) {
  const formData = Object.fromEntries(
    def.formFields.filter((f) => f.required).map((f) => [f.name, sample(f.type)]),
  );
  const firstOptions = Object.fromEntries(
    def.formFields.filter((f) => f.type === 'select' && f.required).map((f) => [f.name, f.options![0].value]),
  );
  return {
    state,
    formData: { ...formData, ...firstOptions },
    documents: def.documents.map((d) => ({ code: d.code })),
    visitFindings: {},
  };
}

function sample(type: string): unknown {
  const samples: Record<string, unknown> = {
    text: 'x',
    number: 1,
    date: '2025-01-01',
    boolean: true,
    national_id: '0076229645',
    mobile: '09123456789',
    postal_code: '1318844511',
  };
  return samples[type];
}
