import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../../../test/client.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { signInCitizen, signInStaff } from '../../../../test/sign-in.js';
import { DEMO_CITIZENS, DEMO_PASSWORD } from '../demo-city/demo-accounts.js';
import { seedDemoCity } from '../demo-city/seed-demo-city.js';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 1),
]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300, 32)]);

let t: TestApp;
let code: string;
let municipalityId: string;
beforeAll(async () => {
  t = await startTestApp();
  code = `cases-${randomUUID().slice(0, 8)}`;
  ({ municipalityId } = await seedDemoCity(t.database.db, { parcels: 200, municipalityCode: code }));
});
afterAll(() => t.close());

function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer }) {
  const boundary = `----shahrvand${randomUUID()}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
  );
  parts.push(file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(client: TestClient, caseId: string, requirement: string, name: string, bytes: Buffer) {
  const body = multipart({ requirement }, { name, bytes });
  return client.request('POST', `/api/v1/cases/${caseId}/documents`, body.payload, {
    'content-type': body.contentType,
  });
}

async function citizenParcel(index: number) {
  const citizen = DEMO_CITIZENS[index];
  const parcel = await t.database.db
    .selectFrom('parcels')
    .innerJoin('ownerships', 'ownerships.parcel_id', 'parcels.id')
    .innerJoin('owners', 'owners.id', 'ownerships.owner_id')
    .innerJoin('districts', 'districts.id', 'parcels.district_id')
    .select(['parcels.id', 'districts.number'])
    .where('owners.national_id', '=', citizen.nationalId)
    .where('parcels.municipality_id', '=', municipalityId)
    .orderBy('districts.number')
    .executeTakeFirstOrThrow();
  return { citizen, parcel };
}

describe('a case from filing to approval', () => {
  it('citizen files with a document, staff returns it, citizen corrects, staff approves; the timeline shows every step', async () => {
    const { citizen, parcel } = await citizenParcel(0);
    const client = await signInCitizen(t, {
      municipality: code,
      nationalId: citizen.nationalId,
      mobile: citizen.mobile,
    });
    const draft = await client.post('/api/v1/cases', {
      serviceCode: 'inquiry',
      parcelId: parcel.id,
      formData: { purpose: 'transfer' },
    });
    expect(draft.status).toBe(201);
    expect(draft.body.state.code).toBe('draft');

    const early = await client.post(`/api/v1/cases/${draft.body.id}/actions`, {
      action: 'submit',
      version: draft.body.version,
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('guard_failed');

    const saved = await client.patch(`/api/v1/cases/${draft.body.id}`, {
      version: draft.body.version,
      formData: { requesterLetterNumber: '۱۲۳/۴۵' },
    });
    expect(saved.status).toBe(200);
    for (const [requirement, name, bytes] of [
      ['inquiry_letter', 'letter.pdf', PDF],
      ['deed_image', 'deed.png', PNG],
      ['owner_id_card', 'id.png', PNG],
    ] as const) {
      const uploaded = await upload(client, draft.body.id, requirement, name, bytes);
      expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    }
    const fake = await upload(
      client,
      draft.body.id,
      'deed_image',
      'deed.png',
      Buffer.from('MZ this is an exe'),
    );
    expect(fake.status).toBe(415);

    const current = await client.get(`/api/v1/cases/${draft.body.id}`);
    const submitted = await client.post(`/api/v1/cases/${draft.body.id}/actions`, {
      action: 'submit',
      version: current.body.version,
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.state.code).toBe('submitted');
    expect(submitted.body.trackingCode).toMatch(/^\d{16}$/);
    expect(submitted.body.fileNumber).toMatch(new RegExp(`^0${parcel.number}\\d{9}$`));
    expect(submitted.body.deadlineAt).not.toBeNull();

    const expert = await signInStaff(t, {
      municipality: code,
      username: `d${parcel.number}.expert`,
      password: DEMO_PASSWORD,
    });
    const queue = await expert.get('/api/v1/cases?sort=deadline');
    expect(queue.body.cases.map((c: { id: string }) => c.id)).toContain(draft.body.id);
    const seen = await expert.get(`/api/v1/cases/${draft.body.id}`);
    const returned = await expert.post(`/api/v1/cases/${draft.body.id}/actions`, {
      action: 'request_correction',
      version: seen.body.version,
      reason: 'تصویر سند خوانا نیست',
      returnedFields: ['deed_image'],
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body.state.code).toBe('returned');
    expect(returned.body.deadlineAt).toBeNull();

    const mine = await client.get(`/api/v1/cases/${draft.body.id}`);
    expect(mine.body.returnedItems).toEqual(['deed_image']);
    const lockedField = await client.patch(`/api/v1/cases/${draft.body.id}`, {
      version: mine.body.version,
      formData: { purpose: 'mortgage' },
    });
    expect(lockedField.status).toBe(409);
    expect((await upload(client, draft.body.id, 'deed_image', 'deed2.png', PNG)).status).toBe(201);
    const again = await client.get(`/api/v1/cases/${draft.body.id}`);
    const resubmitted = await client.post(`/api/v1/cases/${draft.body.id}/actions`, {
      action: 'resubmit',
      version: again.body.version,
    });
    expect(resubmitted.status, JSON.stringify(resubmitted.body)).toBe(200);
    expect(resubmitted.body.formData.purpose).toBe('transfer');

    const review = await expert.get(`/api/v1/cases/${draft.body.id}`);
    const approvable = review.body.allowedActions.map((a: { action: string }) => a.action);
    expect(approvable).toContain('approve');
    const approved = await expert.post(`/api/v1/cases/${draft.body.id}/actions`, {
      action: 'approve',
      version: review.body.version,
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.outcome).toBe('approved');

    client.language = 'fa';
    const timeline = (await client.get(`/api/v1/cases/${draft.body.id}`)).body.timeline;
    expect(timeline.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['created', 'submit', 'request_correction', 'resubmit', 'approve']),
    );
    const correction = timeline.find((e: { action: string }) => e.action === 'request_correction');
    expect(correction).toMatchObject({
      role: 'expert',
      reason: 'تصویر سند خوانا نیست',
      returnedFields: ['deed_image'],
    });
    expect(JSON.stringify(timeline)).not.toContain('d1.expert');

    const status = await new TestClient(t.app).get(
      `/api/v1/cases/status?trackingCode=${submitted.body.trackingCode}&nationalId=${citizen.nationalId}`,
    );
    expect(status.status).toBe(200);
    expect(status.body.outcome).toBe('approved');
    const wrong = await new TestClient(t.app).get(
      `/api/v1/cases/status?trackingCode=${submitted.body.trackingCode}&nationalId=0023456787`,
    );
    expect(wrong.status).toBe(404);

    const inbox = await client.get('/api/v1/notifications');
    expect(inbox.body.notifications.map((n: { body: string }) => n.body).join('\n')).toContain(
      submitted.body.trackingCode,
    );
    const first = inbox.body.notifications[0];
    expect((await client.post(`/api/v1/notifications/${first.id}/read`)).status).toBe(204);
    expect((await expert.post(`/api/v1/notifications/${first.id}/read`)).status).toBe(404);

    await t.app.jobs.runDue();
    const sms = await t.app.inject({ method: 'GET', url: `/dev/sms/messages?to=${citizen.mobile}` });
    expect(
      sms
        .json()
        .messages.map((m: { message: string }) => m.message)
        .join('\n'),
    ).toContain(submitted.body.trackingCode);
  });

  it('refuses a stale version: two staff acting at once, one wins', async () => {
    const { citizen, parcel } = await citizenParcel(1);
    const client = await signInCitizen(t, {
      municipality: code,
      nationalId: citizen.nationalId,
      mobile: citizen.mobile,
    });
    const draft = await client.post('/api/v1/cases', {
      serviceCode: 'inquiry',
      parcelId: parcel.id,
      formData: { purpose: 'mortgage', requesterLetterNumber: 'B-7' },
    });
    for (const [requirement, name, bytes] of [
      ['inquiry_letter', 'l.pdf', PDF],
      ['deed_image', 'd.png', PNG],
      ['owner_id_card', 'i.png', PNG],
    ] as const) {
      await upload(client, draft.body.id, requirement, name, bytes);
    }
    const v = (await client.get(`/api/v1/cases/${draft.body.id}`)).body.version;
    await client.post(`/api/v1/cases/${draft.body.id}/actions`, { action: 'submit', version: v });
    const a = await signInStaff(t, {
      municipality: code,
      username: `d${parcel.number}.expert`,
      password: DEMO_PASSWORD,
    });
    const b = await signInStaff(t, {
      municipality: code,
      username: `d${parcel.number}.manager`,
      password: DEMO_PASSWORD,
    });
    const seen = (await a.get(`/api/v1/cases/${draft.body.id}`)).body.version;
    const first = await a.post(`/api/v1/cases/${draft.body.id}/actions`, {
      action: 'approve',
      version: seen,
    });
    const second = await b.post(`/api/v1/cases/${draft.body.id}/actions`, {
      action: 'refuse',
      version: seen,
      reason: 'x',
    });
    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('conflict');
    const other = await signInStaff(t, {
      municipality: code,
      username: `d${parcel.number === 1 ? 2 : 1}.expert`,
      password: DEMO_PASSWORD,
    });
    expect((await other.get(`/api/v1/cases/${draft.body.id}`)).status).toBe(404);
  });
});
