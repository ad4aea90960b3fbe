import type { Db } from '../../db/schema.js';

export function findApiClientByClientId(db: Db, clientId: string) {
  return db.selectFrom('api_clients').selectAll().where('client_id', '=', clientId).executeTakeFirst();
}

export function findApiClientById(db: Db, id: string) {
  return db.selectFrom('api_clients').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markApiClientUsed(db: Db, id: string, at: Date) {
  await db.updateTable('api_clients').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** Reads a setting, creating it with `initial` if absent (safe when several servers start at once). */
export async function readOrCreateSetting<T>(db: Db, key: string, initial: () => T): Promise<T> {
  await db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(initial()) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  return row.value as T;
}
