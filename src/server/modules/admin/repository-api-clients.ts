import type { ApiClientKind, Db } from '../../db/schema.js';

/** Every API client column an administrator may see: never the secret's hash. */
const CLIENT_COLUMNS = [
  'id',
  'client_id',
  'name',
  'kind',
  'scopes',
  'secret_version',
  'created_at',
  'rotated_at',
  'revoked_at',
  'last_used_at',
] as const;

export function listApiClients(db: Db, municipalityId: string) {
  return db
    .selectFrom('api_clients')
    .select(CLIENT_COLUMNS)
    .where('municipality_id', '=', municipalityId)
    .orderBy('created_at')
    .orderBy('client_id')
    .execute();
}

export function findApiClient(db: Db, municipalityId: string, id: string) {
  return db
    .selectFrom('api_clients')
    .select(CLIENT_COLUMNS)
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertApiClient(
  db: Db,
  client: {
    municipality_id: string;
    client_id: string;
    name: string;
    kind: ApiClientKind;
    scopes: string[];
    secret_hash: string;
    created_at: Date;
  },
) {
  return db.insertInto('api_clients').values(client).returning(CLIENT_COLUMNS).executeTakeFirstOrThrow();
}

/** Replaces the secret and bumps its version, so tokens issued under the old one stop working. */
export function replaceApiClientSecret(
  db: Db,
  municipalityId: string,
  id: string,
  secretHash: string,
  at: Date,
) {
  return db
    .updateTable('api_clients')
    .set((eb) => ({ secret_hash: secretHash, secret_version: eb('secret_version', '+', 1), rotated_at: at }))
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .returning(CLIENT_COLUMNS)
    .executeTakeFirstOrThrow();
}

export function markApiClientRevoked(db: Db, municipalityId: string, id: string, at: Date) {
  return db
    .updateTable('api_clients')
    .set({ revoked_at: at })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .returning(CLIENT_COLUMNS)
    .executeTakeFirstOrThrow();
}
