import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type AppDeps, systemClock } from '../../src/server/app-deps.js';
import { loadConfig } from '../../src/server/config.js';
import type { Database, Db } from '../../src/server/db/schema.js';
import { lookupPoint } from '../../src/server/modules/zoning/lookup-point.js';
import { publicContext } from '../../src/server/modules/zoning/public-context.js';
import type { ZoningIndexRegistry } from '../../src/server/modules/zoning/zoning-index.js';

interface QueryLog {
  count: number;
  dbMs: number;
  statements: Map<string, number>;
}

function loggingDb(url: string, log: QueryLog): Db {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log(event) {
      if (event.level !== 'query') return;
      log.count++;
      log.dbMs += event.queryDurationMillis;
      const key = event.query.sql.replace(/\s+/g, ' ').slice(0, 90);
      log.statements.set(key, (log.statements.get(key) ?? 0) + 1);
    },
  });
  return db;
}

/** What the route does for one request: publicContext (municipality, today there), then lookupPoint. */
async function routeEquivalent(
  deps: AppDeps,
  registry: ZoningIndexRegistry,
  code: string,
  lng: number,
  lat: number,
) {
  const context = await publicContext(deps, { municipality: code });
  return lookupPoint({ db: deps.db, registry, ...context, lat, lng, locale: 'fa' });
}

export interface BreakdownPart {
  label: string;
  lookups: number;
  msPerLookup: number;
  queriesPerLookup: number;
  dbMsPerLookup: number;
  statements: [string, number][];
}

/**
 * Times the route's work without HTTP, one lookup at a time (latency and how many SQL round trips it makes, by
 * statement), then 50 at a time on a pool of 10 like the server's (the ceiling without HTTP).
 */
export async function lookupBreakdown(
  url: string,
  registry: ZoningIndexRegistry,
  code: string,
  hits: [number, number][],
  misses: [number, number][],
  seconds: number,
) {
  const log: QueryLog = { count: 0, dbMs: 0, statements: new Map() };
  const db = loggingDb(url, log);
  const deps: AppDeps = {
    config: loadConfig({ DATABASE_URL: url }),
    db,
    engine: 'postgres',
    clock: systemClock,
  };
  try {
    for (const [lng, lat] of [...hits.slice(0, 50), ...misses.slice(0, 50)])
      await routeEquivalent(deps, registry, code, lng, lat); // warm-up
    const parts: BreakdownPart[] = [];
    for (const [label, points] of [
      ['on a parcel', hits.slice(0, 500)],
      ['off any parcel', misses.slice(0, 500)],
    ] as const) {
      log.count = 0;
      log.dbMs = 0;
      log.statements = new Map();
      const started = performance.now();
      let withParcel = 0;
      for (const [lng, lat] of points) {
        const result = await routeEquivalent(deps, registry, code, lng, lat);
        if (result.parcel) withParcel++;
      }
      const ms = performance.now() - started;
      if (label === 'on a parcel' && withParcel !== points.length)
        throw new Error(`only ${withParcel} of ${points.length} parcel points found a parcel`);
      parts.push({
        label,
        lookups: points.length,
        msPerLookup: ms / points.length,
        queriesPerLookup: log.count / points.length,
        dbMsPerLookup: log.dbMs / points.length,
        statements: [...log.statements.entries()].map(([sql, n]) => [sql, n / points.length]),
      });
    }
    // 50 concurrent callers for `seconds`, each alternating a point on a parcel and one off (so half of the
    // lookups completed are of each kind, as in the API load).
    let done = 0;
    const stopAt = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 50 }, async (_, worker) => {
        for (let k = 0; performance.now() < stopAt; k++) {
          const points = k % 2 === 0 ? hits : misses;
          const [lng, lat] = points[(worker * 97 + k) % points.length];
          await routeEquivalent(deps, registry, code, lng, lat);
          done++;
        }
      }),
    );
    const concurrentPerSecond = done / ((performance.now() - started) / 1000);
    return { parts, concurrentPerSecond };
  } finally {
    await db.destroy();
  }
}
