import type pg from 'pg';

/**
 * Samples what the database's other sessions are doing (pg_stat_activity, every `everyMs`) until stopped: the
 * share of samples per "state / wait event" among non-idle sessions (e.g. `active / Lock:transactionid`, a
 * transaction waiting for another's row lock; `active / IO:WALSync`, a commit waiting for its WAL flush;
 * `idle in transaction / Client:ClientRead`, a transaction open while the application works); lock waits with
 * the start of the statement that waits.
 */
export function sampleWaitEvents(pool: pg.Pool, everyMs = 20) {
  const counts = new Map<string, number>();
  let samples = 0;
  let sessions = 0;
  let running = true;
  const done = (async () => {
    const client = await pool.connect();
    try {
      while (running) {
        const { rows } = await client.query<{ what: string; n: string }>(
          `SELECT state || ' / ' || coalesce(wait_event_type || ':' || wait_event, 'CPU')
                  || CASE WHEN wait_event_type = 'Lock' THEN ' in \`' || left(regexp_replace(query, '\\s+', ' ', 'g'), 48) || '…\`' ELSE '' END
                  AS what, count(*) AS n
             FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
              AND state <> 'idle'
            GROUP BY 1`,
        );
        samples++;
        for (const row of rows) {
          counts.set(row.what, (counts.get(row.what) ?? 0) + Number(row.n));
          sessions += Number(row.n);
        }
        await new Promise((resolve) => setTimeout(resolve, everyMs));
      }
    } finally {
      client.release();
    }
  })();
  return {
    async stop(): Promise<string> {
      running = false;
      await done;
      const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
      const share = (n: number) => `${((100 * n) / Math.max(1, sessions)).toFixed(0)} %`;
      return (
        `${(sessions / Math.max(1, samples)).toFixed(1)} busy sessions on average; ` +
        top.map(([what, n]) => `${what} ${share(n)}`).join(', ')
      );
    },
  };
}
