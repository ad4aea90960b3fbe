import { sql } from 'kysely';
import type { Db } from './schema.js';

/** Tables that bulk writes fill by the hundred thousand (seed, GIS imports). */
export type BulkTable =
  | 'parcels'
  | 'owners'
  | 'ownerships'
  | 'zones'
  | 'overlays'
  | 'parcel_zones'
  | 'parcel_overlays';

/**
 * Refreshes the planner statistics of tables a bulk write just filled. Until a table is analysed, PostgreSQL
 * guesses its size, and a keyset page (`id > $last ORDER BY id LIMIT n`) may be planned as a sort of every
 * remaining row, so reading a million parcels page by page turns quadratic (133 s instead of 7 s); autovacuum
 * may be off or late. Run after the writing transaction has committed.
 */
export async function analyzeTables(db: Db, tables: readonly BulkTable[]): Promise<void> {
  if (tables.length === 0) return;
  await sql`ANALYZE ${sql.join(tables.map((table) => sql.table(table)))}`.execute(db);
}
