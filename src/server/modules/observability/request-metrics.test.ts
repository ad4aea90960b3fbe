import { describe, expect, it } from 'vitest';
import { RequestMetrics } from './request-metrics.js';

describe('request metrics in the Prometheus text format', () => {
  it('counts by method, route and status, and accumulates durations into le buckets', () => {
    const metrics = new RequestMetrics();
    metrics.record('GET', '/api/v1/zoning/lookup', 200, 0.0004);
    metrics.record('GET', '/api/v1/zoning/lookup', 200, 0.003);
    metrics.record('GET', '/api/v1/zoning/lookup', 400, 7);
    metrics.record('POST', '/say "hi"\\', 201, 0.001);
    const lines = metrics.text().split('\n');
    const lookup = 'method="GET",route="/api/v1/zoning/lookup"';
    expect(lines).toContain(`http_requests_total{${lookup},status="200"} 2`);
    expect(lines).toContain(`http_requests_total{${lookup},status="400"} 1`);
    expect(lines).toContain(`http_request_duration_seconds_bucket{le="0.001",${lookup}} 1`);
    expect(lines).toContain(`http_request_duration_seconds_bucket{le="0.0025",${lookup}} 1`);
    expect(lines).toContain(`http_request_duration_seconds_bucket{le="0.005",${lookup}} 2`);
    expect(lines).toContain(`http_request_duration_seconds_bucket{le="2.5",${lookup}} 2`);
    expect(lines).toContain(`http_request_duration_seconds_bucket{le="+Inf",${lookup}} 3`);
    expect(lines).toContain(`http_request_duration_seconds_count{${lookup}} 3`);
    expect(lines).toContain(`http_request_duration_seconds_sum{${lookup}} ${0.0004 + 0.003 + 7}`);
    // A bound is inclusive, and label values are escaped.
    expect(lines).toContain(
      'http_request_duration_seconds_bucket{le="0.001",method="POST",route="/say \\"hi\\"\\\\"} 1',
    );
    expect(lines.filter((line) => line.startsWith('# TYPE'))).toEqual([
      '# TYPE http_requests_total counter',
      '# TYPE http_request_duration_seconds histogram',
    ]);
  });
});
