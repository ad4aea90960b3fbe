import type pg from 'pg';

/** A short name for a statement: the table it writes, or what it reads. */
function statementKind(sql: string): string {
  const text = sql.replace(/\s+/g, ' ').trim().toLowerCase();
  const write = text.match(/^(insert into|delete from|update) "?(\w+)"?/);
  if (write) return `${write[1]} ${write[2]}`;
  if (text.startsWith('select "id", "geometry" from "parcels"')) return 'select page of parcel geometries';
  if (text.startsWith('begin') || text.startsWith('commit')) return text.split(' ')[0];
  return text.slice(0, 50);
}

export interface BackendActivity {
  samples: number;
  /** Share of samples in which the watched sessions were running SQL ('active'). */
  activeShare: number;
  /** Share in which a session held an open transaction but was waiting for its client (the client's own work). */
  clientShare: number;
  /** Active samples by statement, as a share of all samples. */
  byStatement: [string, number][];
  /** When each statement kind was first and last seen (ms after the watch started). */
  seen: Map<string, { first: number; last: number }>;
}

/**
 * Samples, every `everyMs`, what the other sessions on this database are doing (pg_stat_activity): running
 * SQL, or idle inside a transaction while their client computes. A cheap, non-intrusive view of where a CLI
 * child's time goes (database vs its own JavaScript), and of its phases.
 */
export function watchBackends(pool: pg.Pool, everyMs = 250) {
  const started = performance.now();
  let samples = 0;
  let active = 0;
  let client = 0;
  const byStatement = new Map<string, number>();
  const seen = new Map<string, { first: number; last: number }>();
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const { rows } = await pool.query<{ state: string; query: string }>(
        `SELECT state, query FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
            AND state IN ('active', 'idle in transaction')`,
      );
      const now = performance.now() - started;
      samples++;
      if (rows.some((r) => r.state === 'active')) active++;
      else if (rows.length > 0) client++;
      for (const row of rows) {
        const kind = statementKind(row.query);
        const at = seen.get(kind) ?? { first: now, last: now };
        at.last = now;
        seen.set(kind, at);
        if (row.state === 'active') byStatement.set(kind, (byStatement.get(kind) ?? 0) + 1);
      }
    } catch {
      // e.g. the database is being migrated; sample again
    } finally {
      busy = false;
    }
  }, everyMs);
  return {
    stop(): BackendActivity {
      clearInterval(timer);
      const n = Math.max(1, samples);
      return {
        samples,
        activeShare: active / n,
        clientShare: client / n,
        byStatement: [...byStatement.entries()].sort((a, b) => b[1] - a[1]).map(([k, c]) => [k, c / n]),
        seen,
      };
    },
  };
}

export function describeActivity(activity: BackendActivity, top = 5): string {
  const pct = (x: number) => `${(100 * x).toFixed(0)} %`;
  const statements = activity.byStatement
    .slice(0, top)
    .map(([kind, share]) => `${kind} ${pct(share)}`)
    .join(', ');
  return (
    `running SQL in ${pct(activity.activeShare)} of ${activity.samples} samples (${statements}); ` +
    `in a transaction waiting on its own JavaScript ${pct(activity.clientShare)}; ` +
    `neither ${pct(1 - activity.activeShare - activity.clientShare)}`
  );
}
