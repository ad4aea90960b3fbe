import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCity } from '../../../../test/factories.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { isPublicAddress } from './callback-url.js';
import { bankWithWebhook, deliveriesOf, emitEvent, startReceiver } from './test-support.js';

describe('webhooks: which addresses are public', () => {
  it('knows loopback, private, link-local, carrier-grade NAT and mapped addresses from public ones', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:10.0.0.1',
      'not-an-ip',
    ])
      expect(isPublicAddress(address), address).toBe(false);
    for (const address of ['8.8.8.8', '185.143.232.1', '2a01:4f8::1', '::ffff:8.8.8.8'])
      expect(isPublicAddress(address), address).toBe(true);
  });
});

describe('webhooks: the production SSRF guard', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ WEBHOOK_ALLOW_HTTP: 'false', WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false' });
  });
  afterAll(() => t.close());

  it('refuses http and non-public addresses at registration, naming the rule', async () => {
    const bank = await bankWithWebhook(t, (await buildCity(t.database.db)).municipality.id);
    const rule = async (url: string) => {
      const response = await bank.session.request('PUT', '/api/v1/webhooks/endpoint', { url });
      expect(response.status, url).toBe(400);
      return response.body.error.details.fields[0].rule;
    };
    expect(await rule('http://8.8.8.8/hooks')).toBe('https_required');
    expect(await rule('https://10.0.0.5/hooks')).toBe('private_address');
    expect(await rule('https://169.254.169.254/latest/meta-data')).toBe('private_address');
    expect(await rule('https://[::1]/hooks')).toBe('private_address');
    expect(await rule('https://localhost/hooks')).toBe('private_address');
    expect(await rule('http://127.0.0.1/hooks')).toBe('private_address');
    expect((await bank.session.get('/api/v1/webhooks/endpoint')).status).toBe(404);
  });

  it('refuses to connect to a non-public address at delivery time too (a URL stored before the rule, or DNS changed)', async () => {
    const receiver = await startReceiver();
    const bank = await bankWithWebhook(t, (await buildCity(t.database.db)).municipality.id);
    await t.database.db
      .insertInto('webhook_endpoints')
      .values({
        municipality_id: bank.owner.municipalityId,
        api_client_id: bank.owner.apiClientId,
        url: receiver.url.replace('127.0.0.1', 'localhost'),
        secret: 'plain:d2hzZWNfQUFBQQ',
        created_at: new Date(),
        updated_at: new Date(),
      })
      .execute();
    await emitEvent(t, bank.owner);
    expect(await t.app.webhooks.runDue(bank.owner)).toBe(1);
    expect(receiver.received).toEqual([]);
    const [row] = await deliveriesOf(t, bank.owner.apiClientId);
    expect(row).toMatchObject({ status: 'pending', last_status: null });
    expect(row?.last_error).toContain('non-public address');
    await receiver.close();
  });
});
