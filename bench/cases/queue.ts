import autocannon from 'autocannon';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import type { Database } from '../../src/server/db/schema.js';
import type { StaffPrincipal, StaffRole } from '../../src/server/http/principal.js';
import { staffQueue } from '../../src/server/modules/cases/case-queries.js';
import { summarise, type Timed } from './stats.js';

export interface LoadFigures {
  label: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

/** autocannon, 50 connections for `seconds` on one URL (loopback only); stops by itself. */
export async function load(
  label: string,
  url: string,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<LoadFigures> {
  const result = await autocannon({ url, connections: 50, duration: seconds, headers });
  return {
    label,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** A staff principal as the server builds it from a session, read from the users table. */
export async function staffPrincipal(pool: pg.Pool, username: string): Promise<StaffPrincipal> {
  const { rows } = await pool.query<{
    id: string;
    municipality_id: string;
    full_name: string;
    roles: string[];
    district_id: string | null;
  }>(`SELECT id, municipality_id, full_name, roles, district_id FROM users WHERE username = $1`, [username]);
  const user = rows[0];
  if (!user) throw new Error(`No staff member ${username}`);
  return {
    kind: 'staff',
    municipalityId: user.municipality_id,
    userId: user.id,
    sessionId: '00000000-0000-0000-0000-000000000000',
    csrfToken: '',
    fullName: user.full_name,
    roles: user.roles as StaffRole[],
    districtId: user.district_id,
  };
}

/** The SQL and parameters Kysely sends for the route's default queue page (sort=deadline, limit=50). */
export async function capturedQueueQuery(
  pool: pg.Pool,
  staff: StaffPrincipal,
): Promise<{ sql: string; parameters: unknown[] }> {
  let captured: { sql: string; parameters: unknown[] } | null = null;
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log(event) {
      if (event.level === 'query' && !captured)
        captured = { sql: event.query.sql, parameters: [...event.query.parameters] };
    },
  });
  await staffQueue(db, staff, { sort: 'deadline', limit: 50, offset: 0, assigned: 'any' }, new Date());
  if (!captured) throw new Error('Kysely logged no query');
  return captured;
}

/** The query with its parameters written in as literals (for EXPLAIN, and to read in the results). */
export function inlineParameters(sql: string, parameters: unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const value = parameters[Number(n) - 1];
    if (value === null || value === undefined) return 'NULL';
    if (typeof value === 'number') return String(value);
    const text = value instanceof Date ? value.toISOString() : String(value);
    return `'${text.replaceAll("'", "''")}'`;
  });
}

export async function explainAnalyze(pool: pg.Pool, sql: string): Promise<string> {
  const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

/** Runs a query `times` times in a row on the pool (pg parsing every row, as in the server). */
export async function timeQuery(pool: pg.Pool, sql: string, parameters: unknown[], times: number) {
  for (let i = 0; i < 10; i++) await pool.query(sql, parameters);
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await pool.query(sql, parameters);
    latencies.push(performance.now() - t0);
  }
  return summarise(latencies, performance.now() - started);
}

export type { Timed };
