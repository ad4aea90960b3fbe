import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/server/db/connection.js';
import { migrate } from '../src/server/db/migrate.js';

/**
 * Prepares the database every test file starts from. PGlite (default): one migrated database, dumped once, that
 * each file loads in about half a second. PostgreSQL (TEST_DATABASE_URL): a scratch database for this run,
 * migrated once, dropped at the end. Files share it safely because every test builds its own municipality.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const templatePath = path.resolve('.tmp/test-template.tgz');
    fs.mkdirSync(path.dirname(templatePath), { recursive: true });
    const fresh = await PGlite.create();
    const pool = new pg.Pool(createPgConfig(fresh));
    await migrate(pool);
    await pool.end();
    const dump = await fresh.dumpDataDir('gzip');
    fs.writeFileSync(templatePath, Buffer.from(await dump.arrayBuffer()));
    await fresh.close();
    project.provide('pgliteTemplate', templatePath);
    return;
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const name = `shahrvand_test_${process.pid}_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  await migrate(handle.pool);
  await handle.close();
  project.provide('postgresUrl', url.toString());
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresUrl: string;
  }
}
