import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../api/cases.js';
import { foldSteps } from './timeline-steps.js';

function event(action: string, at: string, actor: TimelineEvent['actor'] = 'applicant'): TimelineEvent {
  return {
    at,
    actor,
    role: actor === 'staff' ? 'expert' : 'applicant',
    office: null,
    action,
    actionName: action,
    from: null,
    to: null,
    reason: null,
    returnedFields: [],
  };
}

describe('timeline steps', () => {
  it('folds runs of the same minor event, keeping the last time, and keeps every transition', () => {
    const steps = foldSteps([
      event('created', '1'),
      event('document_uploaded', '2'),
      event('document_uploaded', '3'),
      event('document_uploaded', '4'),
      event('submit', '5'),
      event('claim', '6', 'staff'),
      event('request_correction', '7', 'staff'),
      event('document_uploaded', '8'),
      event('resubmit', '9'),
      event('resubmit', '10'),
    ]);
    expect(steps.map((s) => [s.event.action, s.event.at, s.times])).toEqual([
      ['created', '1', 1],
      ['document_uploaded', '4', 3],
      ['submit', '5', 1],
      ['claim', '6', 1],
      ['request_correction', '7', 1],
      ['document_uploaded', '8', 1],
      ['resubmit', '9', 1],
      ['resubmit', '10', 1],
    ]);
  });
});
