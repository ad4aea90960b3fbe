import { deadlineOf, pauseClock, resumeClock, type SlaClock, startClock } from './calendar/deadlines.js';
import type { WorkingCalendar } from './calendar/working-calendar.js';
import type { ClockEffect } from './workflow/transitions.js';

/** The case's clock and deadline after an action's clock effect. */
export function nextClock(
  current: SlaClock | null,
  effect: ClockEffect,
  targetWorkingDays: number | undefined,
  calendar: WorkingCalendar,
  at: Date,
): { sla: SlaClock | null; deadline: Date | null } {
  let sla = current;
  if (effect === 'start' && targetWorkingDays !== undefined)
    sla = startClock(calendar, at, targetWorkingDays);
  else if (effect === 'pause' && sla) sla = pauseClock(sla, at, calendar);
  else if (effect === 'resume' && sla) sla = resumeClock(sla, at);
  else if (effect === 'stop') sla = null;
  return { sla, deadline: sla ? deadlineOf(sla, calendar) : null };
}
