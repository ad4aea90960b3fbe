import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCity, auditRows } from '../../../../test/admin-setup.js';
import { TestClient } from '../../../../test/client.js';
import { buildApiClient, buildCity } from '../../../../test/factories.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { apiClientSession } from '../../../../test/sign-in.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function tokenStatus(clientId: string, secret: string) {
  const response = await new TestClient(t.app).post('/oauth/token', {
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: secret,
  });
  return response.status;
}

describe('admin: API clients', () => {
  it('registers a client whose secret is shown once and works, lists it without the secret, audited', async () => {
    const city = await adminCity(t);
    const created = await city.client.post('/api/v1/admin/api-clients', { name: 'Bank Melli', kind: 'bank' });
    expect(created.status).toBe(201);
    const { client, clientSecret } = created.body;
    expect(client).toMatchObject({
      name: 'Bank Melli',
      kind: 'bank',
      scopes: ['inquiries'],
      secretVersion: 1,
      revokedAt: null,
    });
    expect(client.clientId).toMatch(/^bank-[0-9a-f]{8}$/);
    const system = await apiClientSession(t, { clientId: client.clientId, secret: clientSecret });
    expect((await system.get('/api/v1/me')).body.roles).toContain('scope:inquiries');

    const list = await city.client.get('/api/v1/admin/api-clients');
    expect(list.body.clients).toMatchObject([{ id: client.id, clientId: client.clientId }]);
    expect(list.body.clients[0].lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list.body)).not.toContain(clientSecret);
    const [row] = await auditRows(t, city.municipality.id, 'admin.api_client_created');
    expect(row).toMatchObject({ entity_type: 'api_client', entity_id: client.id });
    expect(JSON.stringify(row.details)).not.toContain(clientSecret);
  });

  it('rotating the secret ends tokens issued before it; the new secret works', async () => {
    const city = await adminCity(t);
    const existing = await buildApiClient(t.database.db, { municipalityId: city.municipality.id });
    const before = await apiClientSession(t, { clientId: existing.clientId, secret: existing.secret });
    expect((await before.get('/api/v1/me')).status).toBe(200);
    const rotated = await city.client.post(`/api/v1/admin/api-clients/${existing.client.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.client).toMatchObject({ secretVersion: 2 });
    expect(rotated.body.client.rotatedAt).not.toBeNull();
    expect((await before.get('/api/v1/me')).status).toBe(401);
    expect(await tokenStatus(existing.clientId, existing.secret)).toBe(401);
    const after = await apiClientSession(t, {
      clientId: existing.clientId,
      secret: rotated.body.clientSecret,
    });
    expect((await after.get('/api/v1/me')).status).toBe(200);
    const [row] = await auditRows(t, city.municipality.id, 'admin.api_client_secret_rotated');
    expect(row.details).toMatchObject({ secretVersion: 2 });
    expect(JSON.stringify(row.details)).not.toContain(rotated.body.clientSecret);
  });

  it('revoking stops both its tokens and new ones; revoking again changes nothing', async () => {
    const city = await adminCity(t);
    const existing = await buildApiClient(t.database.db, { municipalityId: city.municipality.id });
    const session = await apiClientSession(t, { clientId: existing.clientId, secret: existing.secret });
    const revoked = await city.client.post(`/api/v1/admin/api-clients/${existing.client.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await session.get('/api/v1/me')).status).toBe(401);
    expect(await tokenStatus(existing.clientId, existing.secret)).toBe(401);
    const again = await city.client.post(`/api/v1/admin/api-clients/${existing.client.id}/revoke`);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
    expect(await auditRows(t, city.municipality.id, 'admin.api_client_revoked')).toHaveLength(1);
    expect(
      (await city.client.post(`/api/v1/admin/api-clients/${existing.client.id}/rotate-secret`)).status,
    ).toBe(409);
  });

  it('refuses bad input, naming the field', async () => {
    const { client } = await adminCity(t);
    const kind = await client.post('/api/v1/admin/api-clients', { name: 'X', kind: 'casino' });
    expect(kind.body.error.details.fields).toEqual([{ field: 'kind', rule: 'enum' }]);
    const scope = await client.post('/api/v1/admin/api-clients', {
      name: 'X',
      kind: 'utility',
      scopes: ['admin'],
    });
    expect(scope.body.error.details.fields).toEqual([{ field: 'scopes.0', rule: 'enum' }]);
    const name = await client.post('/api/v1/admin/api-clients', { kind: 'agency' });
    expect(name.status).toBe(400);
    expect(name.body.error.details.fields).toEqual([{ field: 'name', rule: 'required' }]);
  });

  it("answers 404 for another municipality's client, which keeps working", async () => {
    const city = await adminCity(t);
    const other = await buildCity(t.database.db);
    const foreign = await buildApiClient(t.database.db, { municipalityId: other.municipality.id });
    expect(
      (await city.client.post(`/api/v1/admin/api-clients/${foreign.client.id}/rotate-secret`)).status,
    ).toBe(404);
    expect((await city.client.post(`/api/v1/admin/api-clients/${foreign.client.id}/revoke`)).status).toBe(
      404,
    );
    expect((await city.client.get('/api/v1/admin/api-clients')).body.clients).toEqual([]);
    expect(await tokenStatus(foreign.clientId, foreign.secret)).toBe(200);
  });
});
