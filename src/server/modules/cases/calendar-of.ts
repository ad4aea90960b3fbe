import type { Db } from '../../db/schema.js';
import type { WorkingCalendar } from './calendar/working-calendar.js';

/** A municipality's working calendar from its data: time zone, weekly rest days and holidays. */
export async function loadWorkingCalendar(db: Db, municipalityId: string): Promise<WorkingCalendar> {
  const municipality = await db
    .selectFrom('municipalities')
    .select(['timezone', 'weekly_rest_days'])
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
    workday: { start: '07:30', end: '14:30' },
  };
}
