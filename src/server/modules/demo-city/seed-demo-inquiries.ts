import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { systemActor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { seedInquirySettings } from '../inquiries/settings-service.js';

/** Which parcels of each district (by renewal-code order) get a record, and what. */
const RECORDS = [
  {
    index: 3,
    kind: 'building_violation',
    openedOn: '2025-05-10',
    closedOn: null,
    text: 'اضافه بنا در طبقه سوم',
  },
  {
    index: 7,
    kind: 'building_violation',
    openedOn: '2024-02-03',
    closedOn: '2025-01-20',
    text: 'تغییر کاربری پارکینگ',
  },
  {
    index: 11,
    kind: 'article_100',
    openedOn: '2025-08-01',
    closedOn: null,
    text: 'ارجاع به کمیسیون ماده ۱۰۰',
  },
  {
    index: 15,
    kind: 'article_100',
    openedOn: '2023-10-01',
    closedOn: '2024-06-15',
    text: 'رأی کمیسیون اجرا شد',
  },
] as const;

/**
 * The demo city's inquiry settings (the Urmia rule: responses 2 months, completion 6 months) and a few parcels per
 * district with a record: an open building violation, a closed one, a pending and a closed Article 100 case.
 */
export async function seedDemoInquiries(db: Kysely<Database>, municipalityId: string) {
  await db.transaction().execute(async (trx) => {
    await seedInquirySettings(trx, municipalityId);
    const districts = await trx
      .selectFrom('districts')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .execute();
    for (const district of districts) {
      const parcels = await trx
        .selectFrom('parcels')
        .select(['id'])
        .where('municipality_id', '=', municipalityId)
        .where('district_id', '=', district.id)
        .orderBy('renewal_code')
        .limit(16)
        .execute();
      for (const record of RECORDS) {
        const parcel = parcels[record.index];
        if (!parcel) continue;
        await trx
          .insertInto('parcel_violations')
          .values({
            municipality_id: municipalityId,
            parcel_id: parcel.id,
            district_id: district.id,
            kind: record.kind,
            description: record.text,
            opened_on: record.openedOn,
            closed_on: record.closedOn,
            close_reason: record.closedOn ? 'مختومه (داده نمایشی)' : null,
          })
          .execute();
      }
    }
    await recordAudit(trx, systemActor(municipalityId), {
      action: 'demo_city.inquiry_records_seeded',
      entityType: 'municipality',
      entityId: municipalityId,
    });
  });
}
