import type { TimelineEvent } from '../../api/cases.js';

/** Engine events that change nothing the applicant must know about: shown small, repeats folded into one. */
export const MINOR_EVENTS = new Set(['form_saved', 'document_uploaded', 'claim', 'assign']);

export interface Step {
  event: TimelineEvent;
  times: number;
}

/** Folds runs of the same minor event by the same actor (five uploads in a row) into one step. */
export function foldSteps(events: TimelineEvent[]): Step[] {
  const steps: Step[] = [];
  for (const event of events) {
    const last = steps.at(-1);
    if (
      last &&
      MINOR_EVENTS.has(event.action) &&
      last.event.action === event.action &&
      last.event.actor === event.actor &&
      last.event.role === event.role
    ) {
      steps[steps.length - 1] = { event, times: last.times + 1 };
    } else {
      steps.push({ event, times: 1 });
    }
  }
  return steps;
}
