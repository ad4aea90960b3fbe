import type { Db } from '../../db/schema.js';
import { enqueueJob } from '../../jobs/job-repository.js';

export const SMS_JOB = 'notification.sms';

/**
 * Tells someone about a case: an in-app message for a user, and an SMS to a mobile sent by a background job (so a
 * provider outage delays the SMS but never loses it or fails the action). Call inside the action's transaction.
 */
export async function notify(
  trx: Db,
  input: {
    municipalityId: string;
    caseId: string;
    userId?: string | null;
    mobile?: string | null;
    text: string;
    at: Date;
  },
): Promise<void> {
  if (input.userId) {
    await trx
      .insertInto('notifications')
      .values({
        municipality_id: input.municipalityId,
        case_id: input.caseId,
        recipient_user_id: input.userId,
        channel: 'in_app',
        body: input.text,
        created_at: input.at,
      })
      .execute();
  }
  if (input.mobile) {
    const row = await trx
      .insertInto('notifications')
      .values({
        municipality_id: input.municipalityId,
        case_id: input.caseId,
        recipient_mobile: input.mobile,
        channel: 'sms',
        body: input.text,
        created_at: input.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await enqueueJob(trx, {
      municipalityId: input.municipalityId,
      kind: SMS_JOB,
      runAt: input.at,
      payload: { notificationId: row.id },
    });
  }
}

/** The SMS job: sends once; a retry after a crash between sending and marking may send twice, never zero times. */
export function smsJobHandler(
  db: Db,
  send: (to: string, text: string) => Promise<unknown>,
  clock: { now(): Date },
) {
  return async (job: { payload: Record<string, unknown> }) => {
    const id = String(job.payload.notificationId);
    const row = await db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || row.sent_at || !row.recipient_mobile) return;
    try {
      await send(row.recipient_mobile, row.body);
    } catch (err) {
      await db
        .updateTable('notifications')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: (err as Error).message }))
        .where('id', '=', id)
        .execute();
      throw err;
    }
    await db
      .updateTable('notifications')
      .set((eb) => ({ sent_at: clock.now(), attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .execute();
  };
}
