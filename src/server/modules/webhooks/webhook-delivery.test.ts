import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCity } from '../../../../test/factories.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { apiClientSession } from '../../../../test/sign-in.js';
import { verifyWebhookSignature } from '../../../shared/webhooks/index.js';
import { buildApp } from '../../app.js';
import { enqueueWebhookEvent } from './index.js';
import { claimDueDeliveries } from './repository.js';
import { bankWithWebhook, deliveriesOf, emitEvent, startReceiver } from './test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function cityId() {
  return (await buildCity(t.database.db)).municipality.id;
}

describe('webhooks: delivery', () => {
  it('POSTs the event signed per Standard Webhooks; the receiver verifies it with the shared verifier', async () => {
    const receiver = await startReceiver();
    const bank = await bankWithWebhook(t, await cityId(), receiver.url);
    expect(bank.webhookSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await emitEvent(t, bank.owner, { inquiryId: 'inq-7', outcome: 'no_objection' });
    expect(await t.app.webhooks.runDue(bank.owner)).toBe(1);

    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received;
    if (!delivery) throw new Error('nothing received');
    const check = verifyWebhookSignature(
      bank.webhookSecret,
      delivery.headers,
      delivery.body,
      300,
      t.clock.now(),
    );
    expect(check).toMatchObject({ valid: true, id: delivery.headers['webhook-id'] });
    expect(delivery.headers['content-type']).toBe('application/json');
    const body = JSON.parse(delivery.body);
    expect(body).toEqual({
      id: delivery.headers['webhook-id'],
      type: 'inquiry.issued',
      createdAt: expect.any(String),
      data: { inquiryId: 'inq-7', outcome: 'no_objection' },
    });
    expect(body.id).toMatch(/^msg_[0-9a-f]{32}$/);

    const list = await bank.session.get('/api/v1/webhooks/deliveries');
    expect(list.body.deliveries).toMatchObject([
      { eventId: body.id, type: 'inquiry.issued', status: 'delivered', attempts: 1, lastStatus: 200 },
    ]);
    expect(list.body.deliveries[0].deliveredAt).not.toBeNull();
    await receiver.close();
  });

  it('retries a failing receiver with back-off and delivers on the third attempt, with the same id', async () => {
    const receiver = await startReceiver((n) => [500, 503, 204][n - 1] ?? 200);
    const bank = await bankWithWebhook(t, await cityId(), receiver.url);
    await emitEvent(t, bank.owner);

    expect(await t.app.webhooks.runDue(bank.owner)).toBe(1);
    let [row] = await deliveriesOf(t, bank.owner.apiClientId);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_status: 500 });
    expect(row?.last_error).toBe('receiver answered 500');
    const firstRetry = row?.next_attempt_at?.getTime() ?? 0;
    expect(firstRetry - (row?.last_attempt_at?.getTime() ?? 0)).toBeGreaterThanOrEqual(15_000);

    expect(await t.app.webhooks.runDue(bank.owner)).toBe(0);
    t.clock.advance(15_000);
    expect(await t.app.webhooks.runDue(bank.owner)).toBe(1);
    [row] = await deliveriesOf(t, bank.owner.apiClientId);
    expect(row).toMatchObject({ status: 'pending', attempts: 2, last_status: 503 });
    // The second wait is four times the first.
    t.clock.advance(59_000);
    expect(await t.app.webhooks.runDue(bank.owner)).toBe(0);
    t.clock.advance(1_000);
    expect(await t.app.webhooks.runDue(bank.owner)).toBe(1);

    [row] = await deliveriesOf(t, bank.owner.apiClientId);
    expect(row).toMatchObject({ status: 'delivered', attempts: 3, last_status: 204, last_error: null });
    expect(receiver.received).toHaveLength(3);
    const ids = new Set(receiver.received.map((d) => d.headers['webhook-id']));
    expect(ids.size).toBe(1);
    await receiver.close();
  });

  it('gives up after 8 attempts over about a day, and a redelivery starts over with the same event id', async () => {
    let failing = true;
    const receiver = await startReceiver(() => (failing ? 502 : 200));
    const bank = await bankWithWebhook(t, await cityId(), receiver.url);
    await emitEvent(t, bank.owner);
    const started = t.clock.now().getTime();
    for (let attempt = 1; attempt <= 8; attempt++) {
      expect(await t.app.webhooks.runDue(bank.owner), `attempt ${attempt}`).toBe(1);
      const [row] = await deliveriesOf(t, bank.owner.apiClientId);
      if (row?.next_attempt_at) t.clock.advance(row.next_attempt_at.getTime() - t.clock.now().getTime());
    }
    const [failed] = await deliveriesOf(t, bank.owner.apiClientId);
    expect(failed).toMatchObject({ status: 'failed', attempts: 8, next_attempt_at: null });
    const spanHours = ((failed?.last_attempt_at?.getTime() ?? 0) - started) / 3_600_000;
    expect(spanHours).toBeGreaterThan(20);
    expect(spanHours).toBeLessThan(30);
    t.clock.advance(86_400_000);
    expect(await t.app.webhooks.runDue(bank.owner)).toBe(0);

    failing = false;
    // A day later the old access token has expired: the bank signs in again.
    const session = await apiClientSession(t, { clientId: bank.clientId, secret: bank.secret });
    const again = await session.post(`/api/v1/webhooks/deliveries/${failed?.id}/redeliver`);
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await t.app.webhooks.runDue(bank.owner)).toBe(1);
    const [done] = await deliveriesOf(t, bank.owner.apiClientId);
    expect(done).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(new Set(receiver.received.map((d) => d.headers['webhook-id'])).size).toBe(1);
    await receiver.close();
  });

  it('enqueues nothing when the caller rolls back, and one delivery when it commits', async () => {
    const bank = await bankWithWebhook(t, await cityId(), 'http://127.0.0.1:9/never');
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await enqueueWebhookEvent(trx, { ...bank.owner, type: 'inquiry.issued', data: {} });
        throw new Error('the inquiry failed after queueing its event');
      }),
    ).rejects.toThrow('the inquiry failed');
    expect(await deliveriesOf(t, bank.owner.apiClientId)).toEqual([]);
    await emitEvent(t, bank.owner);
    expect(await deliveriesOf(t, bank.owner.apiClientId)).toHaveLength(1);
  });

  it('queues nothing for a client without an endpoint or with a disabled one', async () => {
    const id = await cityId();
    const bare = await bankWithWebhook(t, id);
    await emitEvent(t, bare.owner);
    expect(await deliveriesOf(t, bare.owner.apiClientId)).toEqual([]);
    const paused = await bankWithWebhook(t, id, 'http://127.0.0.1:9/paused');
    await t.database.db
      .updateTable('webhook_endpoints')
      .set({ enabled: false })
      .where('api_client_id', '=', paused.owner.apiClientId)
      .execute();
    await emitEvent(t, paused.owner);
    expect(await deliveriesOf(t, paused.owner.apiClientId)).toEqual([]);
  });

  it('signs with the new secret after a rotation: the old secret no longer verifies', async () => {
    const receiver = await startReceiver();
    const bank = await bankWithWebhook(t, await cityId(), receiver.url);
    const rotated = await bank.session.post('/api/v1/webhooks/endpoint/rotate-secret');
    expect(rotated.status).toBe(200);
    expect(rotated.body.endpoint.secretVersion).toBe(2);
    expect(rotated.body.secret).not.toBe(bank.webhookSecret);
    await emitEvent(t, bank.owner);
    await t.app.webhooks.runDue(bank.owner);
    const [delivery] = receiver.received;
    if (!delivery) throw new Error('nothing received');
    const now = t.clock.now();
    expect(verifyWebhookSignature(rotated.body.secret, delivery.headers, delivery.body, 300, now).valid).toBe(
      true,
    );
    expect(verifyWebhookSignature(bank.webhookSecret, delivery.headers, delivery.body, 300, now)).toEqual({
      valid: false,
      reason: 'bad_signature',
    });
    await receiver.close();
  });

  it('keeps sending to other clients while one receiver is slow to answer', async () => {
    let fastGotIt: () => void = () => undefined;
    const fastArrived = new Promise<void>((resolve) => {
      fastGotIt = resolve;
    });
    // The slow receiver answers only once the fast one has its delivery: sending one by one would time it out.
    const slow = await startReceiver(async () => {
      await fastArrived;
      return 200;
    });
    const fast = await startReceiver(() => {
      fastGotIt();
      return 200;
    });
    const id = await cityId();
    const slowBank = await bankWithWebhook(t, id, slow.url);
    const fastBank = await bankWithWebhook(t, id, fast.url);
    await emitEvent(t, slowBank.owner);
    await emitEvent(t, fastBank.owner);
    expect(await t.app.webhooks.runDue({ municipalityId: id })).toBe(2);
    expect((await deliveriesOf(t, slowBank.owner.apiClientId))[0]).toMatchObject({ status: 'delivered' });
    expect((await deliveriesOf(t, fastBank.owner.apiClientId))[0]).toMatchObject({ status: 'delivered' });
    await Promise.all([slow.close(), fast.close()]);
  });
});

describe('webhooks: surviving a restart', () => {
  it('a delivery queued before a restart, or claimed by a process that died, is sent by the next app', async () => {
    const own = await startTestApp();
    const receiver = await startReceiver();
    const id = (await buildCity(own.database.db)).municipality.id;
    const bank = await bankWithWebhook(own, id, receiver.url);
    await emitEvent(own, bank.owner, { n: 1 });
    await emitEvent(own, bank.owner, { n: 2 });
    // The first process claims one delivery and dies before sending it; the other was never touched.
    const [claimed] = await claimDueDeliveries(own.database.db, own.clock.now(), 1, 60_000, id);
    await own.app.close();

    const next = await buildApp({
      config: own.config,
      db: own.database.db,
      engine: own.database.engine,
      clock: own.clock,
    });
    expect(await next.webhooks.runDue(bank.owner)).toBe(0);
    own.clock.advance(60_000);
    expect(await next.webhooks.runDue(bank.owner)).toBe(2);
    const rows = await deliveriesOf(own, bank.owner.apiClientId);
    expect(rows.map((r) => r.status)).toEqual(['delivered', 'delivered']);
    expect(rows.find((r) => r.id === claimed?.id)?.attempts).toBe(2);
    expect(receiver.received.map((d) => JSON.parse(d.body).data.n).sort()).toEqual([1, 2]);
    await next.close();
    await own.database.close();
    await receiver.close();
  });
});
