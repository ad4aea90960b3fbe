import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCity, auditRows } from '../../../../test/admin-setup.js';
import type { TestClient } from '../../../../test/client.js';
import { buildCity, buildStaff, fakeMobile, fakeNationalId } from '../../../../test/factories.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { signInCitizen, signInStaff } from '../../../../test/sign-in.js';
import { bankWithWebhook, deliveriesOf, emitEvent } from './test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

type Call = ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string, unknown?];

async function statuses(client: TestClient, calls: Call[]) {
  const result: Record<string, string> = {};
  for (const [method, url, body] of calls) {
    const response = await client.request(method, url, body);
    result[`${method} ${url}`] =
      `${response.status}${response.body?.error ? ` ${response.body.error.code}` : ''}`;
  }
  return result;
}

function all(calls: Call[], outcome: string) {
  return Object.fromEntries(calls.map(([method, url]) => [`${method} ${url}`, outcome]));
}

const url = 'http://127.0.0.1:9/hooks';

describe('webhooks: an API client manages its own', () => {
  it('registers (secret once), reads, changes the URL keeping the secret, deletes; all audited without secrets', async () => {
    const city = await adminCity(t);
    const bank = await bankWithWebhook(t, city.municipality.id);
    expect((await bank.session.get('/api/v1/webhooks/endpoint')).status).toBe(404);
    const created = await bank.session.request('PUT', '/api/v1/webhooks/endpoint', { url });
    expect(created.status).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    expect(created.body.endpoint).toMatchObject({ url, enabled: true, secretVersion: 1 });
    const read = await bank.session.get('/api/v1/webhooks/endpoint');
    expect(read.body).toEqual(created.body.endpoint);
    expect(JSON.stringify(read.body)).not.toContain(created.body.secret);

    const moved = await bank.session.request('PUT', '/api/v1/webhooks/endpoint', {
      url: 'http://localhost:9/new',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      endpoint: { url: 'http://localhost:9/new', secretVersion: 1 },
      secret: null,
    });
    await bank.session.post('/api/v1/webhooks/endpoint/rotate-secret');
    expect((await bank.session.delete('/api/v1/webhooks/endpoint')).status).toBe(204);
    expect((await bank.session.get('/api/v1/webhooks/endpoint')).status).toBe(404);
    expect((await bank.session.delete('/api/v1/webhooks/endpoint')).status).toBe(404);

    const actions = [
      'webhook.endpoint_registered',
      'webhook.endpoint_updated',
      'webhook.secret_rotated',
      'webhook.endpoint_deleted',
    ];
    for (const action of actions) {
      const rows = await auditRows(t, city.municipality.id, action);
      expect(rows, action).toHaveLength(1);
      expect(rows[0], action).toMatchObject({ entity_id: bank.client.id, actor_kind: 'api_client' });
      expect(JSON.stringify(rows[0]?.details)).not.toContain('whsec_');
    }
    const stored = await t.database.db.selectFrom('webhook_endpoints').select('secret').execute();
    expect(JSON.stringify(stored)).not.toContain(created.body.secret);
  });

  it('refuses bad URLs, naming the rule', async () => {
    const bank = await bankWithWebhook(t, (await buildCity(t.database.db)).municipality.id);
    const rule = async (value: unknown) => {
      const response = await bank.session.request('PUT', '/api/v1/webhooks/endpoint', { url: value });
      expect(response.status).toBe(400);
      return response.body.error.details.fields;
    };
    expect(await rule('not a url')).toEqual([{ field: 'url', rule: 'url' }]);
    expect(await rule('ftp://bank.example/hooks')).toEqual([{ field: 'url', rule: 'url' }]);
    expect(await rule('https://user:pw@bank.example/hooks')).toEqual([
      { field: 'url', rule: 'credentials_not_allowed' },
    ]);
    expect(await rule('')).toEqual([{ field: 'url', rule: 'minLength' }]);
  });

  it("answers 404 for another client's delivery, and another client sees none of them", async () => {
    const id = (await buildCity(t.database.db)).municipality.id;
    const owner = await bankWithWebhook(t, id, url);
    const other = await bankWithWebhook(t, id, url);
    await emitEvent(t, owner.owner);
    const [delivery] = await deliveriesOf(t, owner.owner.apiClientId);
    const redeliver = await other.session.post(`/api/v1/webhooks/deliveries/${delivery?.id}/redeliver`);
    expect(redeliver.status).toBe(404);
    expect((await other.session.get('/api/v1/webhooks/deliveries')).body.deliveries).toEqual([]);
    expect((await owner.session.get('/api/v1/webhooks/deliveries')).body.deliveries).toHaveLength(1);
  });

  it('refuses a citizen and staff on the client routes (403)', async () => {
    const city = await adminCity(t);
    const citizen = await signInCitizen(t, {
      municipality: city.code,
      nationalId: fakeNationalId(),
      mobile: fakeMobile(),
    });
    const calls: Call[] = [
      ['GET', '/api/v1/webhooks/endpoint'],
      ['PUT', '/api/v1/webhooks/endpoint', { url }],
      ['DELETE', '/api/v1/webhooks/endpoint'],
      ['POST', '/api/v1/webhooks/endpoint/rotate-secret', {}],
      ['GET', '/api/v1/webhooks/deliveries'],
      ['POST', `/api/v1/webhooks/deliveries/${crypto.randomUUID()}/redeliver`, {}],
    ];
    expect(await statuses(citizen, calls)).toEqual(all(calls, '403 forbidden'));
    expect(await statuses(city.client, calls)).toEqual(all(calls, '403 forbidden'));
  });
});

describe('webhooks: administrators', () => {
  it("see and manage a client's webhook; pausing stops new events; redelivery needs it enabled", async () => {
    const city = await adminCity(t);
    const bank = await bankWithWebhook(t, city.municipality.id);
    const base = `/api/v1/admin/api-clients/${bank.client.id}/webhook`;
    const created = await city.client.request('PUT', base, { url });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    expect((await bank.session.get('/api/v1/webhooks/endpoint')).body.url).toBe(url);
    await emitEvent(t, bank.owner);
    const list = await city.client.get(`${base}/deliveries`);
    expect(list.body.deliveries).toMatchObject([{ type: 'inquiry.issued', status: 'pending' }]);

    const paused = await city.client.patch(base, { enabled: false });
    expect(paused.body.enabled).toBe(false);
    await emitEvent(t, bank.owner);
    expect(await deliveriesOf(t, bank.owner.apiClientId)).toHaveLength(1);
    const redeliver = await city.client.post(`${base}/deliveries/${list.body.deliveries[0].id}/redeliver`);
    expect(redeliver.status).toBe(409);
    expect(redeliver.body.error.code).toBe('webhook_endpoint_disabled');
    expect(await auditRows(t, city.municipality.id, 'webhook.endpoint_disabled')).toHaveLength(1);

    const rotated = await city.client.post(`${base}/rotate-secret`);
    expect(rotated.body.endpoint.secretVersion).toBe(2);
    expect((await city.client.delete(base)).status).toBe(204);
    const [row] = await deliveriesOf(t, bank.owner.apiClientId);
    expect(row).toMatchObject({ status: 'failed', last_error: 'endpoint deleted' });
    const gone = await bank.session.post(`/api/v1/webhooks/deliveries/${row?.id}/redeliver`);
    expect(gone.body.error.code).toBe('webhook_endpoint_missing');
  });

  it("answers 404 for another municipality's client; oversight reads only; clerks, citizens, clients get 403", async () => {
    const city = await adminCity(t);
    const foreign = await bankWithWebhook(t, (await buildCity(t.database.db)).municipality.id, url);
    await emitEvent(t, foreign.owner);
    const [delivery] = await deliveriesOf(t, foreign.owner.apiClientId);
    const base = `/api/v1/admin/api-clients/${foreign.client.id}/webhook`;
    const reads: Call[] = [
      ['GET', base],
      ['GET', `${base}/deliveries`],
    ];
    const writes: Call[] = [
      ['PUT', base, { url }],
      ['PATCH', base, { enabled: false }],
      ['DELETE', base],
      ['POST', `${base}/rotate-secret`, {}],
      ['POST', `${base}/deliveries/${delivery?.id}/redeliver`, {}],
    ];
    expect(await statuses(city.client, [...reads, ...writes])).toEqual(
      all([...reads, ...writes], '404 not_found'),
    );
    expect((await foreign.session.get('/api/v1/webhooks/endpoint')).body.enabled).toBe(true);

    const own = await bankWithWebhook(t, city.municipality.id, url);
    const ownBase = `/api/v1/admin/api-clients/${own.client.id}/webhook`;
    const ownReads: Call[] = [
      ['GET', ownBase],
      ['GET', `${ownBase}/deliveries`],
    ];
    const ownWrites: Call[] = [
      ['PUT', ownBase, { url }],
      ['PATCH', ownBase, { enabled: false }],
      ['DELETE', ownBase],
      ['POST', `${ownBase}/rotate-secret`, {}],
    ];
    const staffOf = async (roles: ('oversight' | 'clerk')[]) => {
      const staff = await buildStaff(t.database.db, {
        municipalityId: city.municipality.id,
        roles,
        districtId: roles.includes('clerk') ? city.district1.id : null,
      });
      return signInStaff(t, { municipality: city.code, username: staff.username, password: staff.password });
    };
    const oversight = await staffOf(['oversight']);
    expect(await statuses(oversight, ownReads)).toEqual(all(ownReads, '200'));
    expect(await statuses(oversight, ownWrites)).toEqual(all(ownWrites, '403 forbidden'));
    const citizen = await signInCitizen(t, {
      municipality: city.code,
      nationalId: fakeNationalId(),
      mobile: fakeMobile(),
    });
    for (const [who, caller] of Object.entries({
      clerk: await staffOf(['clerk']),
      citizen,
      apiClient: own.session,
    })) {
      expect(await statuses(caller, [...ownReads, ...ownWrites]), who).toEqual(
        all([...ownReads, ...ownWrites], '403 forbidden'),
      );
    }
    expect((await own.session.get('/api/v1/webhooks/endpoint')).body).toMatchObject({ url, enabled: true });
  });

  it('documents every webhook route, with descriptions, in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const paths = Object.keys(doc.paths).filter((path) => path.includes('/webhook'));
    expect(paths.sort()).toEqual([
      '/api/v1/admin/api-clients/{id}/webhook',
      '/api/v1/admin/api-clients/{id}/webhook/deliveries',
      '/api/v1/admin/api-clients/{id}/webhook/deliveries/{deliveryId}/redeliver',
      '/api/v1/admin/api-clients/{id}/webhook/rotate-secret',
      '/api/v1/webhooks/deliveries',
      '/api/v1/webhooks/deliveries/{id}/redeliver',
      '/api/v1/webhooks/endpoint',
      '/api/v1/webhooks/endpoint/rotate-secret',
    ]);
    const put = doc.paths['/api/v1/webhooks/endpoint'].put;
    expect(put.tags).toEqual(['webhooks']);
    expect(put.description).toContain('Standard Webhooks');
    const saved = put.responses['201'].content['application/json'].schema;
    expect(saved.properties.secret.description).toContain('shown');
  });
});
