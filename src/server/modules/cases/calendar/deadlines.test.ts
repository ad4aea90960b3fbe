import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  addWorkingMinutes,
  deadlineOf,
  isOverdue,
  pauseClock,
  remainingWorkingMinutes,
  resumeClock,
  startClock,
  workingMinutesBetween,
} from './deadlines.js';
import { defaultIranCalendar, iranOfficialHolidays, type WorkingCalendar } from './working-calendar.js';

/** An instant given as Tehran wall-clock time (UTC+03:30). */
function tehran(local: string): Date {
  return new Date(`${local}+03:30`);
}

const HOLIDAYS = [...iranOfficialHolidays(1403), ...iranOfficialHolidays(1404)];
const fridayOff = defaultIranCalendar(HOLIDAYS);
const thursdayFridayOff: WorkingCalendar = { ...fridayOff, weeklyRestDays: [4, 5] };
const DAY = 7 * 60; // 07:30-14:30

describe('addWorkingDays', () => {
  it('skips Fridays: Wednesday + 2 = Saturday, at closing time', () => {
    // 2025-05-07 is Wednesday 1404-02-17, a plain week.
    expect(addWorkingDays(fridayOff, tehran('2025-05-07T10:00'), 2)).toEqual(tehran('2025-05-10T14:30'));
    expect(addWorkingDays(thursdayFridayOff, tehran('2025-05-07T10:00'), 2)).toEqual(
      tehran('2025-05-11T14:30'),
    );
  });

  it('lands after Nowruz: Monday 1403-12-27 + 3 working days = Tuesday 1404-01-05', () => {
    // 1403-12-27 is a Monday (2025-03-17); Wednesday that week is 29 Esfand, itself a holiday.
    // Counted: Tue 12-28 (1), Wed 12-29 holiday, Thu 12-30 (2), Fri rest, Sat-Mon 01-02..01-04 Nowruz, Tue 01-05 (3).
    expect(addWorkingDays(fridayOff, tehran('2025-03-17T10:00'), 3)).toEqual(tehran('2025-03-25T14:30'));
    // Offices closed on Thursday too lose 1403-12-30: Tue 01-05 (2), Wed 01-06 (3).
    expect(addWorkingDays(thursdayFridayOff, tehran('2025-03-17T10:00'), 3)).toEqual(
      tehran('2025-03-26T14:30'),
    );
  });

  it('a filing on a holiday counts from the next working day: Wednesday 1403-12-29 + 3', () => {
    // Deemed received Thu 1403-12-30; then Tue 01-05 (1), Wed 01-06 (2), Thu 01-07 (3).
    expect(addWorkingDays(fridayOff, tehran('2025-03-19T09:00'), 3)).toEqual(tehran('2025-03-27T14:30'));
  });

  it('a filing after closing time counts from the next working day', () => {
    expect(addWorkingDays(fridayOff, tehran('2025-05-06T14:30'), 1)).toEqual(tehran('2025-05-08T14:30'));
    expect(addWorkingDays(fridayOff, tehran('2025-05-06T14:29'), 1)).toEqual(tehran('2025-05-07T14:30'));
    expect(addWorkingDays(fridayOff, tehran('2025-05-06T06:00'), 0)).toEqual(tehran('2025-05-06T14:30'));
  });

  it('lunar holidays come from data: Tasua and Ashura 1404 (2025-07-05/06)', () => {
    const withLunar = defaultIranCalendar([...HOLIDAYS, '2025-07-05', '2025-07-06']);
    // Wed 07-02 received; Thu 07-03 (1), Fri rest, Sat/Sun Tasua/Ashura, Mon 07-07 (2), Tue 07-08 (3).
    expect(addWorkingDays(withLunar, tehran('2025-07-02T08:00'), 3)).toEqual(tehran('2025-07-08T14:30'));
    expect(addWorkingDays(fridayOff, tehran('2025-07-02T08:00'), 3)).toEqual(tehran('2025-07-06T14:30'));
  });

  it('works in another zone and week (a Hanoi ward: Saturday and Sunday off)', () => {
    const hanoi: WorkingCalendar = {
      timeZone: 'Asia/Ho_Chi_Minh',
      weeklyRestDays: [0, 6],
      holidays: [],
      workday: { start: '07:00', end: '17:00' },
    };
    // Friday 2025-05-09 10:00 + 1 working day = Monday 17:00 local (10:00 UTC).
    expect(addWorkingDays(hanoi, new Date('2025-05-09T03:00:00Z'), 1)).toEqual(
      new Date('2025-05-12T10:00:00Z'),
    );
  });

  it('rejects negative or fractional days', () => {
    expect(() => addWorkingDays(fridayOff, tehran('2025-05-07T10:00'), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(fridayOff, tehran('2025-05-07T10:00'), 1.5)).toThrow(RangeError);
  });
});

describe('workingMinutesBetween', () => {
  it('counts only working hours of working days', () => {
    expect(workingMinutesBetween(fridayOff, tehran('2025-05-07T10:00'), tehran('2025-05-07T11:15'))).toBe(75);
    expect(workingMinutesBetween(fridayOff, tehran('2025-05-07T06:00'), tehran('2025-05-07T20:00'))).toBe(
      DAY,
    );
    // Wednesday 10:00 → Saturday 10:00 crosses Thursday (a full day) and Friday (rest).
    expect(workingMinutesBetween(fridayOff, tehran('2025-05-07T10:00'), tehran('2025-05-10T10:00'))).toBe(
      270 + DAY + 150,
    );
    expect(workingMinutesBetween(fridayOff, tehran('2025-05-10T10:00'), tehran('2025-05-07T10:00'))).toBe(0);
  });
});

describe('addWorkingMinutes', () => {
  it('carries over closing time to the next working day', () => {
    expect(addWorkingMinutes(fridayOff, tehran('2025-05-08T14:00'), 60)).toEqual(tehran('2025-05-10T08:00'));
    expect(addWorkingMinutes(fridayOff, tehran('2025-05-08T14:00'), 30)).toEqual(tehran('2025-05-08T14:30'));
    expect(addWorkingMinutes(fridayOff, tehran('2025-05-08T20:00'), 0)).toEqual(tehran('2025-05-08T20:00'));
  });
});

describe('SLA clock', () => {
  it('an unpaused clock ends exactly at addWorkingDays', () => {
    const clock = startClock(fridayOff, tehran('2025-03-17T10:00'), 3);
    expect(clock).toEqual({
      targetWorkingMinutes: 270 + 3 * DAY,
      consumedWorkingMinutes: 0,
      runningSince: tehran('2025-03-17T10:00').toISOString(),
    });
    expect(deadlineOf(clock, fridayOff)).toEqual(tehran('2025-03-25T14:30'));
  });

  it('pause and resume carry the remaining working time exactly', () => {
    // Submitted Saturday 2025-05-03 10:00 with 2 working days: target = 270 + 2 × 420 = 1110 minutes.
    let clock = startClock(fridayOff, tehran('2025-05-03T10:00'), 2);
    expect(deadlineOf(clock, fridayOff)).toEqual(tehran('2025-05-05T14:30'));
    // Returned for correction on Sunday at 09:00: 270 + 90 = 360 used, 750 left.
    clock = pauseClock(clock, tehran('2025-05-04T09:00'), fridayOff);
    expect(clock.consumedWorkingMinutes).toBe(360);
    expect(deadlineOf(clock, fridayOff)).toBeNull();
    // While paused, time passes without being counted.
    expect(remainingWorkingMinutes(clock, tehran('2025-05-20T12:00'), fridayOff)).toBe(750);
    // Resubmitted Wednesday 2025-05-14 at 13:00: 90 minutes that day, 420 Thursday, 240 on Saturday → 11:30.
    clock = resumeClock(clock, tehran('2025-05-14T13:00'));
    expect(remainingWorkingMinutes(clock, tehran('2025-05-14T13:00'), fridayOff)).toBe(750);
    expect(deadlineOf(clock, fridayOff)).toEqual(tehran('2025-05-17T11:30'));
  });

  it('pausing or resuming twice changes nothing', () => {
    const running = startClock(fridayOff, tehran('2025-05-03T10:00'), 2);
    expect(resumeClock(running, tehran('2025-05-04T10:00'))).toBe(running);
    const paused = pauseClock(running, tehran('2025-05-03T11:00'), fridayOff);
    expect(pauseClock(paused, tehran('2025-05-03T12:00'), fridayOff)).toBe(paused);
  });

  it('is overdue once the deadline passes, even after hours', () => {
    const clock = startClock(fridayOff, tehran('2025-05-03T10:00'), 2);
    expect(isOverdue(clock, tehran('2025-05-05T14:30'), fridayOff)).toBe(false);
    expect(isOverdue(clock, tehran('2025-05-05T14:31'), fridayOff)).toBe(true);
    expect(isOverdue(clock, tehran('2025-05-05T20:00'), fridayOff)).toBe(true);
    const pausedEarly = pauseClock(clock, tehran('2025-05-04T10:00'), fridayOff);
    expect(isOverdue(pausedEarly, tehran('2025-06-30T10:00'), fridayOff)).toBe(false);
    const pausedLate = pauseClock(clock, tehran('2025-05-06T10:00'), fridayOff);
    expect(isOverdue(pausedLate, tehran('2025-05-06T10:00'), fridayOff)).toBe(true);
  });
});
