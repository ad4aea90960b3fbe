import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { iranOfficialHolidays } from '../cases/calendar/working-calendar.js';
import { saveServiceVersion, setLiveDistricts } from '../cases/service-repository.js';
import { DEMO_SERVICES } from '../cases/workflow/demo-services.js';
import { parseServiceDefinition } from '../cases/workflow/validate-definition.js';

/** Where each demo service is live: rolled out district by district, as Urmia did. */
const LIVE_IN: Record<string, number[]> = {
  inquiry: [1, 2, 3, 4],
  institution_inquiry: [1, 2, 3, 4],
  building_permit: [1, 2],
  completion_certificate: [1],
};

/** The demo city's services (inquiry, institution inquiry, building permit, completion certificate) and its official holidays. */
export async function seedDemoServices(db: Kysely<Database>, municipalityId: string, jalaliYears: number[]) {
  await db.transaction().execute(async (trx) => {
    const districts = await trx
      .selectFrom('districts')
      .select(['id', 'number'])
      .where('municipality_id', '=', municipalityId)
      .execute();
    for (const definition of DEMO_SERVICES) {
      const checked = parseServiceDefinition(definition);
      const { serviceId } = await saveServiceVersion(trx, {
        municipalityId,
        code: checked.code,
        definition: checked,
        createdBy: null,
      });
      const live = districts.filter((d) => (LIVE_IN[checked.code] ?? []).includes(d.number)).map((d) => d.id);
      await setLiveDistricts(trx, municipalityId, serviceId, live);
    }
    for (const year of jalaliYears) {
      for (const day of iranOfficialHolidays(year)) {
        await trx
          .insertInto('holidays')
          .values({ municipality_id: municipalityId, day, name: 'تعطیل رسمی' })
          .onConflict((oc) => oc.columns(['municipality_id', 'day']).doNothing())
          .execute();
      }
    }
  });
}
