import path from 'node:path';
import { loadConfig } from '../server/config.js';
import { type DatabaseHandle, openDatabase } from '../server/db/connection.js';
import { lockDataDir } from '../server/db/data-dir-lock.js';
import { migrate } from '../server/db/migrate.js';

/**
 * Opens the configured database for a command: PostgreSQL when DATABASE_URL is set, otherwise the embedded
 * database in DATA_DIR (locked, so the command refuses to run beside a server on the same folder), migrated.
 */
export async function openCommandDatabase(): Promise<DatabaseHandle> {
  const config = loadConfig();
  if (config.databaseUrl) {
    const handle = await openDatabase({ databaseUrl: config.databaseUrl });
    await migrate(handle.pool);
    return handle;
  }
  const release = lockDataDir(config.dataDir);
  const handle = await openDatabase({ dataDir: path.join(config.dataDir, 'pgdata') });
  await migrate(handle.pool);
  return {
    ...handle,
    async close() {
      await handle.close();
      release();
    },
  };
}
