import autocannon from 'autocannon';

export interface LoadResult {
  label: string;
  requestsPerSecond: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  /** Requests completed in the run. */
  requests?: number;
}

/** Runs autocannon against one URL: 50 connections for `seconds`, on loopback only; stops by itself. */
export async function measure(
  label: string,
  url: string,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  const result = await autocannon({ url, connections: 50, duration: seconds, headers });
  return {
    label,
    requestsPerSecond: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    requests: result.requests.total,
  };
}

export function printLoadTable(results: LoadResult[], baseline: LoadResult): void {
  console.log('\n| scenario | req/s | p99 ms | non-2xx | errors | ratio to bare Fastify |');
  console.log('|---|---|---|---|---|---|');
  for (const r of results) {
    const ratio = (r.requestsPerSecond / baseline.requestsPerSecond).toFixed(2);
    console.log(
      `| ${r.label} | ${r.requestsPerSecond} | ${r.p99Ms} | ${r.non2xx} | ${r.errors} | ${ratio} |`,
    );
  }
}
