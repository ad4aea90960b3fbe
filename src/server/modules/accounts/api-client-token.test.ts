import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../../../test/client.js';
import { buildApiClient, buildCity } from '../../../../test/factories.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { apiClientSession } from '../../../../test/sign-in.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('institutions with OAuth2 client credentials', () => {
  it('gets a short-lived bearer token and is reported as an API client', async () => {
    const { municipality } = await buildCity(t.database.db);
    const bank = await buildApiClient(t.database.db, { municipalityId: municipality.id, kind: 'bank' });
    const client = await apiClientSession(t, bank);
    const me = await client.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      kind: 'api_client',
      name: bank.clientId,
      roles: ['api_client', 'institution:bank', 'scope:inquiries'],
    });
    expect(me.body.csrfToken).toBeUndefined();
  });

  it('accepts HTTP Basic client authentication with a form body', async () => {
    const { municipality } = await buildCity(t.database.db);
    const utility = await buildApiClient(t.database.db, { municipalityId: municipality.id, kind: 'utility' });
    const response = await t.app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: {
        authorization: `Basic ${Buffer.from(`${utility.clientId}:${utility.secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: 'grant_type=client_credentials',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ token_type: 'Bearer', expires_in: 600 });
  });

  it('refuses a wrong secret and a token past its lifetime', async () => {
    const { municipality } = await buildCity(t.database.db);
    const bank = await buildApiClient(t.database.db, { municipalityId: municipality.id });
    const wrong = await new TestClient(t.app).post('/oauth/token', {
      grant_type: 'client_credentials',
      client_id: bank.clientId,
      client_secret: `${bank.secret}x`,
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_client');
    const client = await apiClientSession(t, bank);
    t.clock.advance(601_000);
    const expired = await client.get('/api/v1/me');
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('invalid_token');
  });

  it('ends existing tokens when the client is revoked or its secret rotated', async () => {
    const { municipality } = await buildCity(t.database.db);
    const bank = await buildApiClient(t.database.db, { municipalityId: municipality.id });
    const client = await apiClientSession(t, bank);
    await t.database.db
      .updateTable('api_clients')
      .set({ secret_version: 2 })
      .where('id', '=', bank.client.id)
      .execute();
    expect((await client.get('/api/v1/me')).status).toBe(401);
    const other = await buildApiClient(t.database.db, { municipalityId: municipality.id });
    const second = await apiClientSession(t, other);
    await t.database.db
      .updateTable('api_clients')
      .set({ revoked_at: new Date() })
      .where('id', '=', other.client.id)
      .execute();
    expect((await second.get('/api/v1/me')).status).toBe(401);
    const again = await new TestClient(t.app).post('/oauth/token', {
      grant_type: 'client_credentials',
      client_id: other.clientId,
      client_secret: other.secret,
    });
    expect(again.status).toBe(401);
  });

  it('refuses a forged token', async () => {
    const client = new TestClient(t.app);
    client.bearer = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    const response = await client.get('/api/v1/me');
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('invalid_token');
  });

  it('cannot use a staff route or a citizen route', async () => {
    const { municipality } = await buildCity(t.database.db);
    const bank = await buildApiClient(t.database.db, { municipalityId: municipality.id });
    const client = await apiClientSession(t, bank);
    expect((await client.get('/api/v1/parcels')).status).toBe(403);
    expect((await client.get('/api/v1/me/parcels')).status).toBe(403);
    expect((await client.get('/api/v1/audit')).status).toBe(403);
  });
});
