import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  addWorkingMinutes,
  deadlineOf,
  pauseClock,
  remainingWorkingMinutes,
  resumeClock,
  startClock,
  workingMinutesBetween,
} from './deadlines.js';
import { defaultIranCalendar, iranOfficialHolidays, type WorkingCalendar } from './working-calendar.js';

const HOLIDAYS = [1403, 1404, 1405].flatMap(iranOfficialHolidays);
const calendars: WorkingCalendar[] = [
  defaultIranCalendar(HOLIDAYS),
  { ...defaultIranCalendar(HOLIDAYS), weeklyRestDays: [4, 5] },
];

const FROM = Date.parse('2024-03-01T00:00:00Z');
const TO = Date.parse('2026-03-01T00:00:00Z');
const instant = fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms));
const calendar = fc.constantFrom(...calendars);
/** Up to ~3 weeks of time, in milliseconds. */
const span = fc.integer({ min: 0, max: 21 * 86_400_000 });

describe('deadline properties', () => {
  it('the deadline grows strictly with the target days', () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        fc.nat(30),
        fc.integer({ min: 1, max: 30 }),
        (cal, start, days, more) => {
          const earlier = addWorkingDays(cal, start, days).getTime();
          expect(addWorkingDays(cal, start, days + more).getTime()).toBeGreaterThan(earlier);
          expect(earlier).toBeGreaterThan(start.getTime());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('working minutes add up over any split point', () => {
    fc.assert(
      fc.property(calendar, instant, span, span, (cal, a, s1, s2) => {
        const b = new Date(a.getTime() + s1);
        const c = new Date(b.getTime() + s2);
        expect(workingMinutesBetween(cal, a, b) + workingMinutesBetween(cal, b, c)).toBe(
          workingMinutesBetween(cal, a, c),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('addWorkingMinutes is the inverse of workingMinutesBetween', () => {
    fc.assert(
      fc.property(calendar, instant, fc.nat(10_000), (cal, from, minutes) => {
        expect(workingMinutesBetween(cal, from, addWorkingMinutes(cal, from, minutes))).toBe(minutes);
      }),
      { numRuns: 300 },
    );
  });

  it('pausing for any period never shortens the remaining time nor brings the deadline forward', () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        fc.integer({ min: 0, max: 20 }),
        span,
        span,
        span,
        (cal, start, days, untilPause, pauseLength, afterResume) => {
          const pausedAt = new Date(start.getTime() + untilPause);
          const resumedAt = new Date(pausedAt.getTime() + pauseLength);
          const now = new Date(resumedAt.getTime() + afterResume);
          const plain = startClock(cal, start, days);
          const paused = resumeClock(pauseClock(plain, pausedAt, cal), resumedAt);
          const remainingPlain = remainingWorkingMinutes(plain, now, cal);
          const remainingPaused = remainingWorkingMinutes(paused, now, cal);
          // Exactly the working minutes of the pause are given back.
          expect(remainingPaused - remainingPlain).toBe(workingMinutesBetween(cal, pausedAt, resumedAt));
          expect(deadlineOf(paused, cal)!.getTime()).toBeGreaterThanOrEqual(
            deadlineOf(plain, cal)!.getTime(),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a resumed clock keeps exactly the remaining time it had when paused', () => {
    fc.assert(
      fc.property(calendar, instant, fc.nat(20), span, span, (cal, start, days, untilPause, pauseLength) => {
        const pausedAt = new Date(start.getTime() + untilPause);
        const resumedAt = new Date(pausedAt.getTime() + pauseLength);
        const paused = pauseClock(startClock(cal, start, days), pausedAt, cal);
        const left = remainingWorkingMinutes(paused, pausedAt, cal);
        const resumed = resumeClock(paused, resumedAt);
        expect(remainingWorkingMinutes(resumed, resumedAt, cal)).toBe(left);
        if (left > 0) {
          expect(deadlineOf(resumed, cal)).toEqual(addWorkingMinutes(cal, resumedAt, left));
        }
      }),
      { numRuns: 300 },
    );
  });
});
