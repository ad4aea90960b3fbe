import { migrate } from '../../server/db/migrate.js';
import { openCommandDatabase } from '../open-database.js';

export async function run(): Promise<number> {
  const handle = await openCommandDatabase();
  try {
    const applied = await migrate(handle.pool);
    process.stdout.write(
      applied.length ? `Applied: ${applied.join(', ')}\n` : 'The database is up to date.\n',
    );
    return 0;
  } finally {
    await handle.close();
  }
}
