import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database, Db } from '../../src/server/db/schema.js';
import { resolveMunicipality } from '../../src/server/modules/accounts/resolve-municipality.js';
import { lookupPoint } from '../../src/server/modules/zoning/lookup-point.js';
import { localDate } from '../../src/server/modules/zoning/parcel-zoning.js';
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

/** What the route does for one request: publicContext (municipality + its time zone), then lookupPoint. */
async function routeEquivalent(
  db: Db,
  registry: ZoningIndexRegistry,
  code: string,
  lng: number,
  lat: number,
) {
  const municipality = await resolveMunicipality(db, code, undefined);
  const row = await db
    .selectFrom('municipalities')
    .select('timezone')
    .where('id', '=', municipality.id)
    .executeTakeFirstOrThrow();
  const date = localDate(new Date(), row.timezone);
  return lookupPoint({ db, registry, municipalityId: municipality.id, lat, lng, date, locale: 'fa' });
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
  try {
    for (const [lng, lat] of [...hits.slice(0, 50), ...misses.slice(0, 50)])
      await routeEquivalent(db, registry, code, lng, lat); // warm-up
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
        const result = await routeEquivalent(db, registry, code, lng, lat);
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
    // 50 concurrent callers, alternating hit/miss points, for `seconds`.
    const all: [number, number][] = [];
    for (let i = 0; i < Math.min(hits.length, misses.length); i++) all.push(hits[i], misses[i]);
    let done = 0;
    const stopAt = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 50 }, async (_, worker) => {
        for (let i = worker; performance.now() < stopAt; i += 50) {
          const [lng, lat] = all[i % all.length];
          await routeEquivalent(db, registry, code, lng, lat);
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
