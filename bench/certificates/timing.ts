export interface Rate {
  label: string;
  count: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Runs `task` back to back (one at a time: one core) for `seconds`; rate and latency percentiles. */
export async function timeLoop(label: string, seconds: number, task: () => unknown): Promise<Rate> {
  const times: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  while (performance.now() < deadline) {
    const t0 = performance.now();
    await task();
    times.push(performance.now() - t0);
  }
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    label,
    count: times.length,
    perSecond: Math.round(times.length / elapsed),
    p50Ms: Number(percentile(times, 50).toFixed(2)),
    p99Ms: Number(percentile(times, 99).toFixed(2)),
  };
}

/** `workers` loops at once (for database work, where waiting on I/O overlaps). */
export async function timeConcurrent(
  label: string,
  seconds: number,
  workers: number,
  task: () => Promise<unknown>,
): Promise<Rate> {
  const times: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        await task();
        times.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    label,
    count: times.length,
    perSecond: Math.round(times.length / elapsed),
    p50Ms: Number(percentile(times, 50).toFixed(2)),
    p99Ms: Number(percentile(times, 99).toFixed(2)),
  };
}

export function printRates(title: string, rows: Rate[], baseline: Rate): void {
  console.log(`\n### ${title}\n`);
  console.log('| what | count | per second | p50 ms | p99 ms | ratio to baseline |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.label} | ${r.count} | ${r.perSecond} | ${r.p50Ms} | ${r.p99Ms} | ${(r.perSecond / baseline.perSecond).toFixed(2)} |`,
    );
}
