import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { systemActor } from '../audit/actor.js';
import { jalaliToIso } from '../cases/calendar/jalali.js';
import { startAssessment } from '../dues/assess-dues.js';
import { assessNextChunk } from '../dues/assess-next-chunk.js';
import { flagEveryNthParcel } from '../dues/dues-repository.js';
import { DEMO_DUES_TARIFF_1404, DEMO_DUES_TARIFF_1405 } from '../dues/rules/demo-dues-tariffs.js';
import { addAmnesty, setDuesTariff } from '../dues/tariffs.js';

/** The years the demo city is assessed for: last year's bills show penalties, this year's the prize. */
export const DEMO_DUES_YEARS = [1404, 1405] as const;

/**
 * Gives the demo city renewal dues: the 1404 and 1405 tariffs, an amnesty, a few parcels without piped water,
 * and both years assessed through the same code finance staff use, so `npm start` shows bills.
 */
export async function seedDemoDues(db: Kysely<Database>, municipalityId: string, at = new Date()) {
  const actor = systemActor(municipalityId);
  await setDuesTariff(db, { municipalityId, duesYear: 1404, tariff: DEMO_DUES_TARIFF_1404, actor, at });
  await setDuesTariff(db, { municipalityId, duesYear: 1405, tariff: DEMO_DUES_TARIFF_1405, actor, at });
  await addAmnesty(db, {
    municipalityId,
    amnesty: {
      code: 'demo_arrears_1404',
      title: 'بخشودگی نمایشی جریمهٔ دیرکرد عوارض ۱۴۰۴',
      resolutionNo: 'DEMO — not a real resolution',
      startsOn: jalaliToIso({ year: 1405, month: 10, day: 1 }) as string,
      endsOn: jalaliToIso({ year: 1405, month: 11, day: 30 }) as string,
      duesYearsUpTo: 1404,
      penaltyWaiverPct: 50,
    },
    actor,
    at,
  });
  await flagEveryNthParcel(db, { municipalityId, districtNumber: 4, flag: 'no_piped_water', every: 10 });
  const clock = { now: () => at };
  for (const year of DEMO_DUES_YEARS) {
    const { run } = await startAssessment(db, clock, {
      municipalityId,
      duesYear: year,
      actor,
      enqueue: false,
    });
    for (;;) {
      const step = await assessNextChunk(db, clock, {
        municipalityId,
        runId: run.id,
        timeZone: 'Asia/Tehran',
      });
      if (step.done) break;
    }
  }
}
