import { type CompiledCalendar, compileCalendar, type WorkingCalendar } from './working-calendar.js';
import { addDaysIso, localDateOf } from './zoned-time.js';

const MS_PER_MINUTE = 60_000;
// A walk that finds no working day in this many days means the holiday data is broken, not a real deadline.
const MAX_DAYS_SCANNED = 100_000;

function floorToMinute(ms: number): number {
  return Math.floor(ms / MS_PER_MINUTE) * MS_PER_MINUTE;
}

function nextWorkingDay(cal: CompiledCalendar, iso: string): string {
  let day = iso;
  for (let i = 0; i < MAX_DAYS_SCANNED; i++) {
    day = addDaysIso(day, 1);
    if (cal.isWorkingDay(day)) return day;
  }
  throw new RangeError(`no working day within ${MAX_DAYS_SCANNED} days after ${iso}`);
}

function assertWholeNonNegative(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0`);
}

/**
 * The deadline N working days after `start`: the closing time of the Nth working day after the day the request is
 * deemed received. It is deemed received on its own day if that is a working day and it arrived before closing,
 * otherwise on the next working day (so a Friday or holiday filing counts from the next working day). The day of
 * receipt itself is not counted (Iranian and Vietnamese practice: "N working days from receipt"); 0 days means
 * closing time of the day of receipt.
 */
export function addWorkingDays(calendar: WorkingCalendar, start: Date, days: number): Date {
  assertWholeNonNegative('days', days);
  const cal = compileCalendar(calendar);
  const startMs = start.getTime();
  const startDay = localDateOf(startMs, cal.timeZone);
  let day =
    cal.isWorkingDay(startDay) && startMs < cal.hoursOf(startDay).closes
      ? startDay
      : nextWorkingDay(cal, startDay);
  for (let i = 0; i < days; i++) day = nextWorkingDay(cal, day);
  return new Date(cal.hoursOf(day).closes);
}

/** Whole working minutes (inside working hours of working days) between two instants; 0 if `to` ≤ `from`. */
export function workingMinutesBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  const cal = compileCalendar(calendar);
  // Both ends are floored to the minute so that splitting an interval never gains or loses a minute.
  const fromMs = floorToMinute(from.getTime());
  const toMs = floorToMinute(to.getTime());
  if (toMs <= fromMs) return 0;
  let total = 0;
  const lastDay = localDateOf(toMs, cal.timeZone);
  let day = localDateOf(fromMs, cal.timeZone);
  for (;;) {
    if (cal.isWorkingDay(day)) {
      const { opens, closes } = cal.hoursOf(day);
      total += Math.max(0, Math.min(toMs, closes) - Math.max(fromMs, opens));
    }
    if (day >= lastDay) break;
    day = addDaysIso(day, 1);
  }
  return Math.round(total / MS_PER_MINUTE);
}

/** The earliest instant at which `minutes` working minutes have passed since `from` (`from` itself for 0). */
export function addWorkingMinutes(calendar: WorkingCalendar, from: Date, minutes: number): Date {
  assertWholeNonNegative('minutes', minutes);
  const cal = compileCalendar(calendar);
  let cursor = floorToMinute(from.getTime());
  if (minutes === 0) return new Date(cursor);
  let remaining = minutes * MS_PER_MINUTE;
  let day = localDateOf(cursor, cal.timeZone);
  for (let i = 0; i < MAX_DAYS_SCANNED; i++) {
    if (cal.isWorkingDay(day)) {
      const { opens, closes } = cal.hoursOf(day);
      cursor = Math.max(cursor, opens);
      if (cursor < closes) {
        if (remaining <= closes - cursor) return new Date(cursor + remaining);
        remaining -= closes - cursor;
      }
    }
    day = addDaysIso(day, 1);
  }
  throw new RangeError(`no working time within ${MAX_DAYS_SCANNED} days after ${from.toISOString()}`);
}

/**
 * The SLA clock of one step, small and serialisable (stored as JSONB, so it survives restarts). It runs in working
 * minutes; `runningSince` is null while paused (the case waits for the applicant).
 */
export interface SlaClock {
  targetWorkingMinutes: number;
  consumedWorkingMinutes: number;
  runningSince: string | null;
}

/**
 * Starts a clock whose unpaused deadline is exactly `addWorkingDays(calendar, at, targetWorkingDays)`: the target
 * is the working time from `at` to that deadline, so a late filing does not eat into the municipality's days.
 */
export function startClock(calendar: WorkingCalendar, at: Date, targetWorkingDays: number): SlaClock {
  const deadline = addWorkingDays(calendar, at, targetWorkingDays);
  return {
    targetWorkingMinutes: workingMinutesBetween(calendar, at, deadline),
    consumedWorkingMinutes: 0,
    runningSince: at.toISOString(),
  };
}

/** Working minutes used so far, counting the running stretch up to `now`. */
export function consumedWorkingMinutes(clock: SlaClock, now: Date, calendar: WorkingCalendar): number {
  if (clock.runningSince === null) return clock.consumedWorkingMinutes;
  return clock.consumedWorkingMinutes + workingMinutesBetween(calendar, new Date(clock.runningSince), now);
}

/** Working minutes left at `now`; negative once overdue. */
export function remainingWorkingMinutes(clock: SlaClock, now: Date, calendar: WorkingCalendar): number {
  return clock.targetWorkingMinutes - consumedWorkingMinutes(clock, now, calendar);
}

/** Stops the clock at `at`, banking the working minutes used; a paused clock is returned unchanged. */
export function pauseClock(clock: SlaClock, at: Date, calendar: WorkingCalendar): SlaClock {
  if (clock.runningSince === null) return clock;
  return {
    targetWorkingMinutes: clock.targetWorkingMinutes,
    consumedWorkingMinutes: consumedWorkingMinutes(clock, at, calendar),
    runningSince: null,
  };
}

/** Restarts a paused clock at `at` with the remaining working time it had; a running clock is returned unchanged. */
export function resumeClock(clock: SlaClock, at: Date): SlaClock {
  if (clock.runningSince !== null) return clock;
  return { ...clock, runningSince: at.toISOString() };
}

/** When a running clock runs out; null while paused (the deadline is unknown until the applicant responds). */
export function deadlineOf(clock: SlaClock, calendar: WorkingCalendar): Date | null {
  if (clock.runningSince === null) return null;
  const remaining = Math.max(0, clock.targetWorkingMinutes - clock.consumedWorkingMinutes);
  return addWorkingMinutes(calendar, new Date(clock.runningSince), remaining);
}

/**
 * True once the deadline has passed (so a case due at 14:30 is overdue that evening, though no working minute has
 * passed). A paused clock that has used its whole target counts as overdue: it would be the moment it resumed.
 */
export function isOverdue(clock: SlaClock, now: Date, calendar: WorkingCalendar): boolean {
  if (clock.runningSince === null) return clock.consumedWorkingMinutes >= clock.targetWorkingMinutes;
  const deadline = deadlineOf(clock, calendar)!;
  return now.getTime() > deadline.getTime();
}
