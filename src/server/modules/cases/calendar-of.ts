import type { Db } from '../../db/schema.js';
import type { WorkingCalendar } from './calendar/working-calendar.js';

/** A municipality's working calendar from its data: time zone, weekly rest days, office hours and holidays. */
export async function loadWorkingCalendar(db: Db, municipalityId: string): Promise<WorkingCalendar> {
  const municipality = await db
    .selectFrom('municipalities')
    .select(['timezone', 'weekly_rest_days', 'workday_start', 'workday_end'])
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  const holidays = await db
    .selectFrom('holidays')
    .select('day')
    .where('municipality_id', '=', municipalityId)
    .execute();
  return {
    timeZone: municipality.timezone,
    weeklyRestDays: municipality.weekly_rest_days,
    holidays: holidays.map((h) => h.day),
    workday: { start: municipality.workday_start, end: municipality.workday_end },
  };
}
