import fs from 'node:fs';
import { inject } from 'vitest';
import { type App, buildApp } from '../src/server/app.js';
import type { Clock } from '../src/server/app-deps.js';
import { type Config, loadConfig } from '../src/server/config.js';
import { type DatabaseHandle, openDatabase } from '../src/server/db/connection.js';

/** A clock tests can move forward, to reach expiries and lockouts without waiting. */
export class TestClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/** The test database: PostgreSQL when TEST_DATABASE_URL is set, else a PGlite loaded from the migrated template. */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const postgresUrl = inject('postgresUrl');
  if (postgresUrl) return openDatabase({ databaseUrl: postgresUrl, poolSize: 5 });
  const template = fs.readFileSync(inject('pgliteTemplate'));
  return openDatabase({ loadDataDir: new Blob([template]) });
}

export interface TestApp {
  app: App;
  database: DatabaseHandle;
  clock: TestClock;
  config: Config;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The whole app on a real database, listening on a free local port so that adapters which speak HTTP (the SMS
 * simulator) work exactly as in production. Tests call it with `app.inject` or real HTTP.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', SMS_SIMULATOR: 'true', DATA_DIR: '.tmp/test-data', ...env });
  const clock = new TestClock();
  const app = await buildApp({ config, db: database.db, engine: database.engine, clock });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    database,
    clock,
    config,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
