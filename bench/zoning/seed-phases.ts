import type pg from 'pg';

/**
 * Watches a seed from outside (every second: PostgreSQL's statistics for the parcels, the committed layer rows for the rest): when the
 * last parcel batch was committed, and when the zones and overlays layers (which classify every parcel) were.
 */
export function watchSeedPhases(pool: pg.Pool, parcels: number) {
  const started = performance.now();
  const phases: { parcelsMs?: number; zonesMs?: number; overlaysMs?: number } = {};
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const { rows } = await pool.query<{
        inserted: string | null;
        zones: string | null;
        overlays: string | null;
      }>(
        `SELECT (SELECT n_tup_ins FROM pg_stat_user_tables WHERE relname = 'parcels') AS inserted,
                (SELECT count(*) FROM gis_layers WHERE kind = 'zones') AS zones,
                (SELECT count(*) FROM gis_layers WHERE kind = 'overlays') AS overlays`,
      );
      const now = performance.now() - started;
      const row = rows[0];
      if (phases.parcelsMs === undefined && Number(row.inserted ?? 0) >= parcels) phases.parcelsMs = now;
      if (phases.zonesMs === undefined && Number(row.zones ?? 0) > 0) phases.zonesMs = now;
      if (phases.overlaysMs === undefined && Number(row.overlays ?? 0) > 0) phases.overlaysMs = now;
    } catch {
      // the database is being migrated; try again
    } finally {
      busy = false;
    }
  }, 1000);
  return {
    stop() {
      clearInterval(timer);
      return phases;
    },
  };
}
