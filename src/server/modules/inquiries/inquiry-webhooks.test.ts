import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiClient } from '../../../../test/factories.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { apiClientSession } from '../../../../test/sign-in.js';
import { verifyWebhookSignature } from '../../../shared/webhooks/signature.js';
import { startReceiver } from '../webhooks/test-support.js';
import { act, inquiryCity } from './test-support.js';

let t: TestApp;
let city: Awaited<ReturnType<typeof inquiryCity>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  t = await startTestApp();
  city = await inquiryCity(t);
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

/** An institution's system with its callback URL registered at the local receiver. */
async function institutionWithWebhook(kind: 'bank' | 'notary') {
  const credentials = await buildApiClient(t.database.db, { municipalityId: city.municipality.id, kind });
  const session = await apiClientSession(t, credentials);
  const registered = await session.request('PUT', '/api/v1/webhooks/endpoint', { url: receiver.url });
  expect(registered.status, JSON.stringify(registered.body)).toBe(201);
  return { session, secret: registered.body.secret as string, apiClientId: credentials.client.id };
}

async function deliveriesFor(secret: string) {
  await t.app.webhooks.runDue({ municipalityId: city.municipality.id });
  return receiver.received
    .filter((delivery) => verifyWebhookSignature(secret, delivery.headers, delivery.body).valid)
    .map((delivery) => JSON.parse(delivery.body));
}

describe('institutions hear of decisions on their inquiries by signed webhook', () => {
  it("a notary's system asks about a parcel with debts; staff issue it; the notary's webhook receives it", async () => {
    const notary = await institutionWithWebhook('notary');
    const asked = await notary.session.post('/api/v1/inquiries', {
      parcel: { renewalCode: city.debtor.parcels[0].renewal_code },
      purpose: 'transfer',
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(202);
    expect(await deliveriesFor(notary.secret)).toEqual([]);

    const inspector = await city.staff(['inspector'], city.district1.id);
    const visited = await act(inspector, asked.body.case.id, 'record_visit_findings', {
      visitFindings: { built: 'as permitted', notes: 'بدون تخلف' },
    });
    expect(visited.status, JSON.stringify(visited.body)).toBe(200);
    const manager = await city.staff(['district_manager'], city.district1.id);
    expect((await act(manager, asked.body.case.id, 'approve')).status).toBe(200);

    const events = await deliveriesFor(notary.secret);
    expect(events).toHaveLength(1);
    const polled = await notary.session.get(`/api/v1/inquiries/${asked.body.id}`);
    expect(events[0]).toMatchObject({
      type: 'inquiry.issued',
      data: {
        inquiryId: asked.body.id,
        status: 'issued',
        autoIssued: false,
        certificateNumber: polled.body.certificate.number,
        outcome: 'conditional',
      },
    });
  });

  it('an auto-issued inquiry is announced once; a forged signature does not verify', async () => {
    const bank = await institutionWithWebhook('bank');
    const asked = await bank.session.post('/api/v1/inquiries', {
      parcel: { renewalCode: city.clean.parcels[0].renewal_code },
      purpose: 'mortgage',
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const events = await deliveriesFor(bank.secret);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'inquiry.issued',
        data: expect.objectContaining({ inquiryId: asked.body.id, autoIssued: true }),
      }),
    ]);
    const delivery = receiver.received.find((d) => d.body.includes(asked.body.id));
    expect(delivery).toBeDefined();
    const tampered = (delivery?.body ?? '').replace('no_objection', 'conditional');
    expect(verifyWebhookSignature(bank.secret, delivery?.headers ?? {}, tampered).valid).toBe(false);
  });
});
