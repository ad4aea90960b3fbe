import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';

export function findCurrentKey(db: Db, municipalityId: string) {
  return db
    .selectFrom('certificate_signing_keys')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
}

export function findKeyById(db: Db, municipalityId: string, keyId: string) {
  return db
    .selectFrom('certificate_signing_keys')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', keyId)
    .executeTakeFirst();
}

/** Inserts a current key unless the municipality already has one (two first issuances at once); null then. */
export async function insertCurrentKeyIfNone(
  db: Db,
  row: {
    municipality_id: string;
    kid: string;
    public_jwk: string;
    private_key: string;
    created_by: string | null;
    at: Date;
  },
) {
  const { rows } = await sql<{ id: string }>`
    INSERT INTO certificate_signing_keys (municipality_id, kid, public_jwk, private_key, created_by, created_at)
    VALUES (${row.municipality_id}, ${row.kid}, ${row.public_jwk}::jsonb, ${row.private_key}, ${row.created_by}, ${row.at})
    ON CONFLICT (municipality_id) WHERE retired_at IS NULL DO NOTHING
    RETURNING id`.execute(db);
  return rows[0]?.id ?? null;
}

/** Retires the current key (locking it first, so two rotations at once run one after the other). */
export async function retireCurrentKey(db: Db, municipalityId: string, at: Date) {
  const current = await db
    .selectFrom('certificate_signing_keys')
    .select(['id', 'kid'])
    .where('municipality_id', '=', municipalityId)
    .where('retired_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!current) return null;
  await db
    .updateTable('certificate_signing_keys')
    .set({ retired_at: at })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', current.id)
    .execute();
  return current;
}

/** Every municipality's keys, current and retired, with the municipality's code, for the JWKS. */
export function listPublishedKeys(db: Db) {
  return db
    .selectFrom('certificate_signing_keys')
    .innerJoin('municipalities', 'municipalities.id', 'certificate_signing_keys.municipality_id')
    .select([
      'certificate_signing_keys.kid',
      'certificate_signing_keys.public_jwk',
      'certificate_signing_keys.retired_at',
      'certificate_signing_keys.created_at',
      'municipalities.code as municipality_code',
    ])
    .orderBy('municipalities.code')
    .orderBy('certificate_signing_keys.created_at')
    .execute();
}

export function listMunicipalityKeys(db: Db, municipalityId: string) {
  return db
    .selectFrom('certificate_signing_keys')
    .select(['id', 'kid', 'created_at', 'retired_at', 'created_by'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('created_at', 'desc')
    .execute();
}

export function findKeyByKid(db: Db, kid: string) {
  return db
    .selectFrom('certificate_signing_keys')
    .innerJoin('municipalities', 'municipalities.id', 'certificate_signing_keys.municipality_id')
    .select([
      'certificate_signing_keys.id',
      'certificate_signing_keys.municipality_id',
      'certificate_signing_keys.kid',
      'certificate_signing_keys.public_jwk',
      'municipalities.code as municipality_code',
    ])
    .where('certificate_signing_keys.kid', '=', kid)
    .executeTakeFirst();
}
