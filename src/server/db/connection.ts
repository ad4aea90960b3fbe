import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

// A SQL `date` is a calendar day, not an instant: keep it as 'YYYY-MM-DD' instead of a Date at local midnight.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export type DatabaseEngine = 'postgres' | 'pglite';

export interface DatabaseHandle {
  engine: DatabaseEngine;
  db: Kysely<Database>;
  pool: pg.Pool;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { databaseUrl: string; poolSize?: number }
  /** dataDir: a folder to persist to, or undefined for memory; loadDataDir: a dump to start from (tests). */
  | { databaseUrl?: undefined; dataDir?: string; loadDataDir?: Blob | File };

/**
 * Opens the database: PostgreSQL when a URL is given, otherwise the embedded PGlite. Both are reached through
 * a node-postgres Pool so the same Kysely code runs on either. PGlite is one session: the pool has one client,
 * so code must never query the pool while it holds a transaction (pass the transaction down instead).
 */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl !== undefined) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it on the next checkout.
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    await pool.query('select 1');
    return { engine: 'postgres', db, pool, close: () => db.destroy() };
  }
  const embedded = options as { dataDir?: string; loadDataDir?: Blob | File };
  const pglite = await PGlite.create({
    dataDir: embedded.dataDir,
    loadDataDir: embedded.loadDataDir,
    relaxedDurability: false,
  });
  const pool = new pg.Pool(createPgConfig(pglite));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    engine: 'pglite',
    db,
    pool,
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}
