import pg from 'pg';

/** Creates an empty scratch database on the local PostgreSQL server; returns its URL and a function to drop it. */
export async function scratchPostgres(
  serverUrl: string,
  prefix = 'shahrvand_bench',
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!/^[a-z_]+$/.test(prefix)) throw new Error(`scratch database prefix "${prefix}" must be [a-z_]+`);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const name = `${prefix}_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
