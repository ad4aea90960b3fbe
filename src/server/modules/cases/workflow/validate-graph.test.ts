import { describe, expect, it } from 'vitest';
import { L, problemsOf, state, transition } from './test-support.js';
import type { ServiceDefinition } from './types.js';

describe('validateServiceDefinition: the workflow graph', () => {
  it.each([
    [
      'an unreachable state',
      (d: ServiceDefinition) => d.workflow.states.push({ code: 'limbo', kind: 'staff', labels: L }),
      /"limbo" cannot be reached/,
    ],
    [
      'a dead end (a loop with no way out)',
      (d: ServiceDefinition) => {
        d.workflow.states.push({ code: 'loop', kind: 'staff', labels: L });
        d.workflow.transitions.push({
          action: 'go_loop',
          from: ['review'],
          to: 'loop',
          by: ['expert'],
          labels: L,
        });
        d.workflow.transitions.push({
          action: 'spin',
          from: ['loop'],
          to: 'loop',
          by: ['expert'],
          labels: L,
        });
      },
      /"loop" is a dead end/,
    ],
    [
      'a transition to an unknown state',
      (d: ServiceDefinition) => {
        transition(d, 'approve').to = 'issued';
      },
      /goes to unknown state "issued"/,
    ],
    [
      'a transition from an unknown state',
      (d: ServiceDefinition) => {
        transition(d, 'approve').from.push('nowhere');
      },
      /starts from unknown state "nowhere"/,
    ],
    [
      'a terminal state with an outgoing transition',
      (d: ServiceDefinition) =>
        d.workflow.transitions.push({
          action: 'reopen',
          from: ['refused'],
          to: 'review',
          by: ['district_manager'],
          labels: L,
        }),
      /leaves terminal state "refused"/,
    ],
    [
      'a second draft state',
      (d: ServiceDefinition) => d.workflow.states.push({ code: 'draft2', kind: 'draft', labels: L }),
      /exactly one draft state, found 2/,
    ],
    [
      'an applicant state without an applicant action',
      (d: ServiceDefinition) => {
        transition(d, 'resubmit').by = ['expert'];
        transition(d, 'withdraw').from = ['draft', 'review'];
      },
      /"returned" waits for the applicant/,
    ],
    [
      'a staff state nobody on staff can move',
      (d: ServiceDefinition) => {
        for (const t of d.workflow.transitions)
          if (t.from.includes('review') && t.action !== 'withdraw') t.by = ['applicant'];
      },
      /"review" waits for staff/,
    ],
    [
      'the same action twice from one state',
      (d: ServiceDefinition) =>
        d.workflow.transitions.push({ ...transition(d, 'approve'), to: 'refused', requiresReason: true }),
      /"approve" is defined twice from state "review"/,
    ],
    [
      'a refusal without a reason',
      (d: ServiceDefinition) => {
        transition(d, 'refuse').requiresReason = false;
      },
      /refuses the case without requiring a reason/,
    ],
    [
      'no approved outcome',
      (d: ServiceDefinition) => {
        state(d, 'approved').outcome = 'withdrawn';
      },
      /no terminal state with outcome "approved"/,
    ],
    [
      'a returned state entered from two steps',
      (d: ServiceDefinition) => {
        d.workflow.states.push({ code: 'check', kind: 'staff', labels: L });
        d.workflow.transitions.push({
          action: 'to_check',
          from: ['review'],
          to: 'check',
          by: ['expert'],
          labels: L,
        });
        d.workflow.transitions.push({
          action: 'request_correction',
          from: ['check'],
          to: 'returned',
          by: ['expert'],
          requiresReason: true,
          requiresFields: ['returnedFields'],
          labels: L,
        });
        d.workflow.transitions.push({
          action: 'approve',
          from: ['check'],
          to: 'approved',
          by: ['expert'],
          labels: L,
        });
      },
      /"returned" is entered from several steps \(review, check\)/,
    ],
    [
      'returnedFields on a transition that does not return the case',
      (d: ServiceDefinition) => {
        transition(d, 'approve').requiresFields = ['returnedFields'];
      },
      /asks for returnedFields but does not return/,
    ],
    [
      'staff acting on a draft',
      (d: ServiceDefinition) => {
        transition(d, 'submit').by = ['applicant', 'clerk'];
      },
      /lets staff act on the applicant's draft/,
    ],
  ])('rejects %s', (_name, mutate, problem) => {
    const problems = problemsOf(mutate as (def: ServiceDefinition) => void);
    expect(
      problems.some((p) => problem.test(p)),
      problems.join('\n'),
    ).toBe(true);
  });
});
