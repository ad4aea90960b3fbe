/** Upper bounds (seconds) of the request-duration histogram's buckets. */
export const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

interface RouteStats {
  statuses: Map<number, number>;
  /** Requests per bucket (not cumulative); the last slot counts those above every bound. */
  buckets: Float64Array;
  count: number;
  sum: number;
}

const escapeLabel = (value: string) =>
  value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');

/**
 * Request counts by method, route and status, and durations by method and route, kept as plain numbers: recording
 * one is two map lookups and three additions. prom-client's labelled metrics validated and hashed a labels object
 * per call, which cost more than routing the request; the Prometheus text is written here, at scrape time.
 */
export class RequestMetrics {
  private readonly byRoute = new Map<string, Map<string, RouteStats>>();

  record(method: string, route: string, status: number, seconds: number): void {
    let byMethod = this.byRoute.get(route);
    if (!byMethod) {
      byMethod = new Map();
      this.byRoute.set(route, byMethod);
    }
    let stats = byMethod.get(method);
    if (!stats) {
      stats = {
        statuses: new Map(),
        buckets: new Float64Array(DURATION_BUCKETS.length + 1),
        count: 0,
        sum: 0,
      };
      byMethod.set(method, stats);
    }
    stats.statuses.set(status, (stats.statuses.get(status) ?? 0) + 1);
    let bucket = 0;
    while (bucket < DURATION_BUCKETS.length && seconds > DURATION_BUCKETS[bucket]) bucket++;
    stats.buckets[bucket]++;
    stats.count++;
    stats.sum += seconds;
  }

  /** `http_requests_total` and `http_request_duration_seconds` in the Prometheus text format. */
  text(): string {
    const counts = [
      '# HELP http_requests_total HTTP requests by method, route and status',
      '# TYPE http_requests_total counter',
    ];
    const durations = [
      '# HELP http_request_duration_seconds HTTP request duration by method and route',
      '# TYPE http_request_duration_seconds histogram',
    ];
    for (const [route, byMethod] of this.byRoute) {
      for (const [method, stats] of byMethod) {
        const labels = `method="${escapeLabel(method)}",route="${escapeLabel(route)}"`;
        for (const [status, count] of stats.statuses)
          counts.push(`http_requests_total{${labels},status="${status}"} ${count}`);
        let cumulative = 0;
        DURATION_BUCKETS.forEach((bound, i) => {
          cumulative += stats.buckets[i];
          durations.push(`http_request_duration_seconds_bucket{le="${bound}",${labels}} ${cumulative}`);
        });
        durations.push(
          `http_request_duration_seconds_bucket{le="+Inf",${labels}} ${stats.count}`,
          `http_request_duration_seconds_sum{${labels}} ${stats.sum}`,
          `http_request_duration_seconds_count{${labels}} ${stats.count}`,
        );
      }
    }
    return `${counts.join('\n')}\n\n${durations.join('\n')}\n`;
  }
}
