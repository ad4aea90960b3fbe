import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../../../test/client.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { lastOtpFor, signInCitizen, signInStaff } from '../../../../test/sign-in.js';
import { buildApp } from '../../app.js';
import { DEMO_CITIZENS, DEMO_PASSWORD } from '../demo-city/demo-accounts.js';
import { seedDemoCity } from '../demo-city/seed-demo-city.js';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64, 32)]);

let t: TestApp;
let code: string;
let municipalityId: string;
beforeAll(async () => {
  t = await startTestApp();
  code = `access-${randomUUID().slice(0, 8)}`;
  ({ municipalityId } = await seedDemoCity(t.database.db, { parcels: 200, municipalityCode: code }));
});
afterAll(() => t.close());

async function upload(client: TestClient, caseId: string, requirement: string, bytes: Buffer) {
  const boundary = `b${randomUUID()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="requirement"\r\n\r\n${requirement}\r\n`,
    ),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="f"\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request('POST', `/api/v1/cases/${caseId}/documents`, payload, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
}

async function parcelOf(nationalId: string) {
  return t.database.db
    .selectFrom('parcels')
    .innerJoin('ownerships', 'ownerships.parcel_id', 'parcels.id')
    .innerJoin('owners', 'owners.id', 'ownerships.owner_id')
    .innerJoin('districts', 'districts.id', 'parcels.district_id')
    .select(['parcels.id', 'districts.number'])
    .where('owners.national_id', '=', nationalId)
    .where('parcels.municipality_id', '=', municipalityId)
    .orderBy('districts.number')
    .executeTakeFirstOrThrow();
}

async function submittedCase(citizenIndex: number) {
  const citizen = DEMO_CITIZENS[citizenIndex];
  const parcel = await parcelOf(citizen.nationalId);
  const client = await signInCitizen(t, {
    municipality: code,
    nationalId: citizen.nationalId,
    mobile: citizen.mobile,
  });
  const draft = await client.post('/api/v1/cases', {
    serviceCode: 'inquiry',
    parcelId: parcel.id,
    formData: { purpose: 'transfer', requesterLetterNumber: 'A-1' },
  });
  await upload(client, draft.body.id, 'inquiry_letter', PDF);
  await upload(client, draft.body.id, 'deed_image', PNG);
  await upload(client, draft.body.id, 'owner_id_card', PNG);
  const v = (await client.get(`/api/v1/cases/${draft.body.id}`)).body.version;
  const submitted = await client.post(`/api/v1/cases/${draft.body.id}/actions`, {
    action: 'submit',
    version: v,
  });
  expect(submitted.status).toBe(200);
  return { client, caseBody: submitted.body, parcel, citizen };
}

describe('who may see and act on a case', () => {
  it('another citizen, staff of another district and an API client get 404/403, never the case or its documents', async () => {
    const { caseBody, parcel } = await submittedCase(0);
    const other = DEMO_CITIZENS[2];
    const stranger = await signInCitizen(t, {
      municipality: code,
      nationalId: other.nationalId,
      mobile: other.mobile,
    });
    expect((await stranger.get(`/api/v1/cases/${caseBody.id}`)).status).toBe(404);
    const docId = caseBody.documents[0].id;
    expect((await stranger.get(`/api/v1/cases/${caseBody.id}/documents/${docId}`)).status).toBe(404);
    expect(
      (
        await stranger.post(`/api/v1/cases/${caseBody.id}/actions`, {
          action: 'withdraw',
          version: caseBody.version,
        })
      ).status,
    ).toBe(404);
    const elsewhere = await signInStaff(t, {
      municipality: code,
      username: `d${parcel.number === 1 ? 3 : 1}.expert`,
      password: DEMO_PASSWORD,
    });
    expect((await elsewhere.get(`/api/v1/cases/${caseBody.id}`)).status).toBe(404);
    expect((await elsewhere.get('/api/v1/cases')).body.cases.map((c: { id: string }) => c.id)).not.toContain(
      caseBody.id,
    );
    const inspector = await signInStaff(t, {
      municipality: code,
      username: `d${parcel.number}.inspector`,
      password: DEMO_PASSWORD,
    });
    const forbidden = await inspector.post(`/api/v1/cases/${caseBody.id}/actions`, {
      action: 'approve',
      version: caseBody.version,
    });
    expect(forbidden.status).toBe(403);
    const doc = await inspector.get(`/api/v1/cases/${caseBody.id}/documents/${docId}`);
    expect(doc.status).toBe(200);
    expect(String(doc.headers['content-type'])).toBe('application/pdf');
    const bank = new TestClient(t.app);
    bank.bearer = 'not-a-token';
    expect((await bank.get(`/api/v1/cases/${caseBody.id}`)).status).toBe(401);
  });

  it('an illegal transition is a 409 listing the allowed actions; a staff-only action is a 403', async () => {
    const { client, caseBody } = await submittedCase(1);
    const response = await client.post(`/api/v1/cases/${caseBody.id}/actions`, {
      action: 'resubmit',
      version: caseBody.version,
    });
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({
      code: 'illegal_transition',
      details: { allowed: ['withdraw'] },
    });
    const staffOnly = await client.post(`/api/v1/cases/${caseBody.id}/actions`, {
      action: 'approve',
      version: caseBody.version,
    });
    expect(staffOnly.status).toBe(403);
  });
});

describe('offices file only with the citizen consent', () => {
  it('needs the code sent to the citizen; sees only its own filings; its actions are audited with office and operator', async () => {
    const citizen = DEMO_CITIZENS[3];
    const parcel = await parcelOf(citizen.nationalId);
    const office = await signInStaff(t, {
      municipality: code,
      username: 'notary12',
      password: DEMO_PASSWORD,
    });
    const body = {
      serviceCode: 'inquiry',
      parcelId: parcel.id,
      applicant: { nationalId: citizen.nationalId, mobile: citizen.mobile },
    };
    expect((await office.post('/api/v1/cases', body)).body.error.code).toBe('consent_required');
    const sent = await office.post('/api/v1/cases/consent-code', {
      nationalId: citizen.nationalId,
      mobile: citizen.mobile,
      serviceCode: 'inquiry',
    });
    expect(sent.status).toBe(202);
    const otp = await lastOtpFor(t, citizen.mobile);
    const wrong = await office.post('/api/v1/cases', {
      ...body,
      consent: {
        method: 'otp',
        challengeId: sent.body.challengeId,
        code: otp === '000000' ? '111111' : '000000',
      },
    });
    expect(wrong.status).toBe(401);
    const filed = await office.post('/api/v1/cases', {
      ...body,
      consent: { method: 'otp', challengeId: sent.body.challengeId, code: otp },
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect(filed.body.consent).toBe('otp');
    const replay = await office.post('/api/v1/cases', {
      ...body,
      consent: { method: 'otp', challengeId: sent.body.challengeId, code: otp },
    });
    expect(replay.status).toBe(403);
    const signInWithConsentCode = await new TestClient(t.app).post('/api/v1/auth/citizen/verify', {
      challengeId: sent.body.challengeId,
      code: otp,
    });
    expect(signInWithConsentCode.status).toBe(401);

    const inPerson = await office.post('/api/v1/cases', {
      ...body,
      consent: { method: 'in_person', idDocumentChecked: true },
    });
    expect(inPerson.status).toBe(201);
    const list = await office.get('/api/v1/cases');
    expect(list.body.cases.map((c: { id: string }) => c.id).sort()).toEqual(
      [filed.body.id, inPerson.body.id].sort(),
    );
    const otherOffice = await signInStaff(t, {
      municipality: code,
      username: 'counter1',
      password: DEMO_PASSWORD,
    });
    expect((await otherOffice.get(`/api/v1/cases/${filed.body.id}`)).status).toBe(404);
    const citizenView = await signInCitizen(t, {
      municipality: code,
      nationalId: citizen.nationalId,
      mobile: citizen.mobile,
    });
    expect((await citizenView.get(`/api/v1/cases/${filed.body.id}`)).status).toBe(200);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_kind', 'office_id', 'actor_id'])
      .where('municipality_id', '=', municipalityId)
      .where('entity_id', '=', filed.body.id)
      .where('action', '=', 'case.created')
      .executeTakeFirstOrThrow();
    expect(audit.actor_kind).toBe('office');
    expect(audit.office_id).not.toBeNull();
    expect(audit.actor_id).not.toBeNull();
  });
});

describe('deadlines', () => {
  it('escalates an overdue case to the district manager once, from a job that survives in the database', async () => {
    const { caseBody, parcel } = await submittedCase(4);
    const job = await t.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'case.deadline')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(job.payload).toEqual({ caseId: caseBody.id });
    t.clock.advance(10 * 24 * 3_600_000);
    // A restart: a new app with nothing in memory, on the same database, finds the deadline and fires it.
    const restarted = await buildApp({
      config: t.config,
      db: t.database.db,
      engine: t.database.engine,
      clock: t.clock,
    });
    try {
      expect(await restarted.jobs.runDue()).toBeGreaterThan(0);
    } finally {
      await restarted.close();
    }
    await t.app.jobs.runDue();
    const events = await t.database.db
      .selectFrom('case_events')
      .select('action')
      .where('case_id', '=', caseBody.id)
      .execute();
    expect(events.filter((e) => e.action === 'escalated')).toHaveLength(1);
    const manager = await signInStaff(t, {
      municipality: code,
      username: `d${parcel.number}.manager`,
      password: DEMO_PASSWORD,
    });
    const queue = await manager.get('/api/v1/cases?overdue=true');
    const mine = queue.body.cases.find((c: { id: string }) => c.id === caseBody.id);
    expect(mine.escalated).toBe(true);
    const notes = await t.database.db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.recipient_user_id')
      .select(['users.username', 'notifications.body'])
      .where('notifications.case_id', '=', caseBody.id)
      .execute();
    expect(notes.map((n) => n.username)).toContain(`d${parcel.number}.manager`);
  });
});
