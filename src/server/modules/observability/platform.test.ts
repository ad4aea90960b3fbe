import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../../../test/client.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { requireAccessRules } from '../../http/authenticate.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('what operators get', () => {
  it('answers /healthz and /readyz', async () => {
    const client = new TestClient(t.app);
    expect((await client.get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await client.get('/readyz')).body).toEqual({ status: 'ready', database: t.database.engine });
  });

  it('reports request counts in Prometheus format at /metrics', async () => {
    const client = new TestClient(t.app);
    await client.get('/healthz');
    const metrics = await client.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(String(metrics.headers['content-type'])).toContain('text/plain');
    expect(metrics.body).toMatch(/http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/);
    expect(metrics.body).toContain('process_cpu_user_seconds_total');
    expect(metrics.body).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/healthz"\} \d+/);
  });

  it('publishes the OpenAPI document with the API routes and a browsable reference at /docs', async () => {
    const client = new TestClient(t.app);
    const doc = await client.get('/openapi.json');
    expect(doc.body.openapi).toBe('3.0.3');
    for (const path of [
      '/api/v1/me',
      '/api/v1/auth/citizen/otp',
      '/api/v1/me/parcels',
      '/api/v1/parcels/{id}',
      '/oauth/token',
    ]) {
      expect(Object.keys(doc.body.paths)).toContain(path);
    }
    expect(Object.keys(doc.body.paths)).not.toContain('/dev/sms-provider/v1/{apiKey}/sms/send.json');
    const docs = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('answers an unknown API path with the catalogue error in the requested language', async () => {
    const client = new TestClient(t.app);
    client.language = 'fa';
    const response = await client.get('/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body.error).toMatchObject({
      code: 'route_not_found',
      details: { method: 'GET', url: '/api/v1/nothing-here' },
    });
    expect(response.body.error.message).toContain('چنین نشانی‌ای وجود ندارد');
  });

  it('sets browser security headers', async () => {
    const response = await new TestClient(t.app).get('/healthz');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(String(response.headers['content-security-policy'])).toContain("default-src 'self'");
  });
});

describe('route registration', () => {
  it('refuses to start with a route that declares no access rule', async () => {
    const app = Fastify();
    requireAccessRules(app, ['/docs']);
    expect(() => app.get('/api/v1/forgotten', async () => ({}))).toThrow(/has no access rule/);
  });
});
