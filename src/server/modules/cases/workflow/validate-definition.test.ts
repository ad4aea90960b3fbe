import { describe, expect, it } from 'vitest';
import { base, L, problemsOf, state, transition } from './test-support.js';
import type { ServiceDefinition } from './types.js';
import {
  InvalidServiceDefinitionError,
  parseServiceDefinition,
  validateServiceDefinition,
} from './validate-definition.js';

describe('validateServiceDefinition: shape, codes and labels', () => {
  it('accepts the base definition', () => {
    expect(validateServiceDefinition(base())).toEqual({ ok: true });
  });

  it.each([
    [
      'an unknown role',
      (d: ServiceDefinition) => {
        (transition(d, 'approve').by as string[]).push('mayor');
      },
      /by\[1\] must be one of/,
    ],
    [
      'an initial state that is not draft',
      (d: ServiceDefinition) => {
        (d.workflow as { initial: string }).initial = 'review';
      },
      /workflow.initial must be "draft"/,
    ],
    [
      'a terminal state without an outcome',
      (d: ServiceDefinition) => {
        delete state(d, 'approved').outcome;
      },
      /states\[3\]\.outcome must be one of/,
    ],
    [
      'an outcome on a staff state',
      (d: ServiceDefinition) => {
        state(d, 'review').outcome = 'approved';
      },
      /outcome is only for terminal states/,
    ],
    [
      'a target on an applicant state',
      (d: ServiceDefinition) => {
        state(d, 'returned').targetWorkingDays = 5;
      },
      /targetWorkingDays is only for staff states/,
    ],
    [
      'a fractional target',
      (d: ServiceDefinition) => {
        state(d, 'review').targetWorkingDays = 1.5;
      },
      /targetWorkingDays must be a whole number/,
    ],
    [
      'a missing Vietnamese label',
      (d: ServiceDefinition) => {
        delete (state(d, 'review').labels as Partial<typeof L>).vi;
      },
      /states\[1\]\.labels\.vi is missing/,
    ],
    [
      'an empty Persian label',
      (d: ServiceDefinition) => {
        transition(d, 'approve').labels = { ...L, fa: ' ' };
      },
      /labels\.fa is empty/,
    ],
    [
      'duplicate field names',
      (d: ServiceDefinition) => d.formFields.push({ ...d.formFields[0] }),
      /"note" is used twice/,
    ],
    [
      'a document code equal to a field name',
      (d: ServiceDefinition) => {
        d.documents[0].code = 'note';
      },
      /"note" is used twice/,
    ],
    [
      'duplicate document codes',
      (d: ServiceDefinition) => d.documents.push({ ...d.documents[0] }),
      /"deed" is used twice/,
    ],
    [
      'duplicate state codes',
      (d: ServiceDefinition) => d.workflow.states.push({ ...state(d, 'review') }),
      /state code "review" is used twice/,
    ],
    [
      'a select without options',
      (d: ServiceDefinition) =>
        d.formFields.push({ name: 'purpose', type: 'select', required: true, labels: L }),
      /formFields\[1\]\.options must be an array/,
    ],
    [
      'min above max',
      (d: ServiceDefinition) =>
        d.formFields.push({ name: 'n', type: 'number', required: true, labels: L, min: 5, max: 1 }),
      /min is greater than max/,
    ],
    [
      'an unknown document format',
      (d: ServiceDefinition) => {
        (d.documents[0].accept as string[]).push('docx');
      },
      /accept\[1\] must be one of pdf, jpeg, png/,
    ],
    [
      'an unknown guard',
      (d: ServiceDefinition) => {
        (transition(d, 'submit') as { guard: unknown }).guard = 'fees_paid';
      },
      /guard\[0\] must be one of/,
    ],
    [
      'a misspelt property',
      (d: ServiceDefinition) => {
        (transition(d, 'refuse') as unknown as Record<string, unknown>).requiresReson = true;
      },
      /requiresReson is not a known property/,
    ],
    [
      'an engine action name',
      (d: ServiceDefinition) => {
        transition(d, 'approve').action = 'assign';
      },
      /"assign" is an engine action/,
    ],
  ])('rejects %s', (_name, mutate, problem) => {
    const problems = problemsOf(mutate as (def: ServiceDefinition) => void);
    expect(
      problems.some((p) => problem.test(p)),
      problems.join('\n'),
    ).toBe(true);
  });

  it.each([null, 'inquiry', 42, [], { code: 'x' }])(
    'rejects non-definitions without throwing: %j',
    (input) => {
      expect(validateServiceDefinition(input).ok).toBe(false);
    },
  );

  it('parseServiceDefinition throws with the problems, so an invalid definition cannot be saved', () => {
    const bad = base();
    bad.workflow.transitions[0].to = 'nowhere';
    expect(() => parseServiceDefinition(bad)).toThrow(InvalidServiceDefinitionError);
    try {
      parseServiceDefinition(bad);
    } catch (error) {
      expect((error as InvalidServiceDefinitionError).problems).toContain(
        'transition "submit" goes to unknown state "nowhere"',
      );
    }
    expect(parseServiceDefinition(base()).code).toBe('tiny');
  });

  it('survives a JSON round trip (definitions are stored as JSONB)', () => {
    expect(validateServiceDefinition(JSON.parse(JSON.stringify(base())))).toEqual({ ok: true });
  });
});
