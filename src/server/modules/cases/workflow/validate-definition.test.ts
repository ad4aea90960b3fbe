import { describe, expect, it } from 'vitest';
import { LOCALES, translate } from '../../../i18n/messages.js';
import { DEFINITION_RULES } from './shape-checker.js';
import { base, L, problemsOf, state, transition } from './test-support.js';
import type { ServiceDefinition } from './types.js';
import {
  describeProblem,
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
      /workflow\.states\[6\]\.code "review" is used twice/,
    ],
    [
      'a select without options',
      (d: ServiceDefinition) =>
        d.formFields.push({ name: 'purpose', type: 'select', required: true, labels: L }),
      /formFields\[1\]\.options must be a list/,
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
      /transitions\[0\]\.guard must be one of/,
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
      expect((error as InvalidServiceDefinitionError).problems).toContainEqual({
        path: 'workflow.transitions[0].to',
        rule: 'unknown_target',
        params: { action: 'submit', state: 'nowhere' },
      });
    }
    expect(parseServiceDefinition(base()).code).toBe('tiny');
  });

  it('names the path of each problem, so an editor can show it in place', () => {
    const def = base();
    (def.workflow.transitions[3].by as string[]).push('mayor');
    def.formFields[0].labels = { ...L, vi: '' };
    const result = validateServiceDefinition(def);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toEqual([
      { path: 'formFields[0].labels.vi', rule: 'empty_text' },
      {
        path: 'workflow.transitions[3].by[1]',
        rule: 'one_of',
        params: { allowed: expect.stringContaining('district_manager') },
      },
    ]);
  });

  it.each(LOCALES)(
    'says every problem in words in %s, with the same placeholders as in English',
    (locale) => {
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const rule of DEFINITION_RULES) {
        const key = `serviceDefinition.${rule}` as const;
        const text = translate(locale, key);
        expect(text, key).not.toBe(key);
        expect(placeholders(text), key).toEqual(placeholders(translate('en', key)));
      }
      expect(
        describeProblem(
          { path: 'workflow.states[2]', rule: 'unreachable', params: { state: 'x', initial: 'draft' } },
          locale,
        ),
      ).toContain('x');
    },
  );

  it('survives a JSON round trip (definitions are stored as JSONB)', () => {
    expect(validateServiceDefinition(JSON.parse(JSON.stringify(base())))).toEqual({ ok: true });
  });
});
