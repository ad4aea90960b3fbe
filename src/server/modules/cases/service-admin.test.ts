import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { signInCitizen, signInStaff } from '../../../../test/sign-in.js';
import { DEMO_CITIZENS, DEMO_PASSWORD } from '../demo-city/demo-accounts.js';
import { seedDemoCity } from '../demo-city/seed-demo-city.js';
import { INQUIRY_SERVICE } from './workflow/demo-inquiry.js';

let t: TestApp;
let code: string;
let municipalityId: string;
beforeAll(async () => {
  t = await startTestApp();
  code = `svc-${randomUUID().slice(0, 8)}`;
  ({ municipalityId } = await seedDemoCity(t.database.db, { parcels: 120, municipalityCode: code }));
});
afterAll(() => t.close());

describe('services are defined as data by administrators', () => {
  it('checks a definition without saving it: each problem at its path, said in fa, en and vi', async () => {
    const admin = await signInStaff(t, { municipality: code, username: 'admin', password: DEMO_PASSWORD });
    const before = (await admin.get('/api/v1/admin/services/inquiry')).body.version;
    const broken = structuredClone(INQUIRY_SERVICE) as unknown as Record<string, any>;
    broken.workflow.states[1].labels.vi = ' ';
    broken.workflow.transitions[3].by.push('mayor');
    broken.formFields[0].requird = true;
    const expected = [
      { path: 'formFields[0].requird', rule: 'unknown_property' },
      { path: 'workflow.states[1].labels.vi', rule: 'empty_text' },
      { path: 'workflow.transitions[3].by[2]', rule: 'one_of' },
    ];
    const messages: Record<string, string[]> = {};
    for (const language of ['fa', 'en', 'vi']) {
      admin.language = language;
      const checked = await admin.post('/api/v1/admin/services/inquiry/check', { definition: broken });
      expect(checked.status).toBe(200);
      expect(checked.body.ok).toBe(false);
      expect(checked.body.problems).toEqual(expected.map((p) => expect.objectContaining(p)));
      messages[language] = checked.body.problems.map((p: { message: string }) => p.message);
    }
    expect(messages.en).toEqual([
      'is not a known property (a typo?)',
      'is empty',
      expect.stringMatching(/^must be one of applicant, system, clerk/),
    ]);
    expect(messages.fa[1]).toBe('خالی است');
    expect(messages.vi[1]).toBe('đang trống');
    // Checking saves nothing; a sound definition checks clean.
    expect((await admin.get('/api/v1/admin/services/inquiry')).body.version).toBe(before);
    const clean = await admin.post('/api/v1/admin/services/inquiry/check', { definition: INQUIRY_SERVICE });
    expect(clean.body).toEqual({ ok: true, problems: [] });
    const otherCode = await admin.post('/api/v1/admin/services/permit2/check', {
      definition: INQUIRY_SERVICE,
    });
    expect(otherCode.body.problems).toEqual([
      expect.objectContaining({ path: 'code', rule: 'code_mismatch', params: { code: 'permit2' } }),
    ]);
  });

  it('lists services with versions and districts; oversight reads, only an admin writes', async () => {
    const admin = await signInStaff(t, { municipality: code, username: 'admin', password: DEMO_PASSWORD });
    admin.language = 'fa';
    const list = await admin.get('/api/v1/admin/services');
    expect(list.body.services.map((s: { code: string }) => s.code)).toEqual([
      'building_permit',
      'completion_certificate',
      'inquiry',
      'institution_inquiry',
    ]);
    const inquiry = list.body.services.find((s: { code: string }) => s.code === 'inquiry');
    expect(inquiry.name).toBe(INQUIRY_SERVICE.names.fa);
    expect(inquiry.liveDistrictIds).toHaveLength(4);
    const created = await admin.request('PUT', '/api/v1/admin/services/pilot_permit', {
      definition: { ...INQUIRY_SERVICE, code: 'pilot_permit' },
    });
    expect(created.body).toEqual({ code: 'pilot_permit', version: 1 });
    await admin.request('PUT', '/api/v1/admin/services/pilot_permit', {
      definition: {
        ...INQUIRY_SERVICE,
        code: 'pilot_permit',
        names: { ...INQUIRY_SERVICE.names, en: 'Pilot' },
      },
    });
    const detail = await admin.get('/api/v1/admin/services/pilot_permit');
    expect(detail.body).toMatchObject({ code: 'pilot_permit', version: 2, liveDistrictIds: [] });
    expect(detail.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(detail.body.versions[0].createdBy).toBeTruthy();
    const first = await admin.get('/api/v1/admin/services/pilot_permit/versions/1');
    expect(first.body.definition.names.en).toBe(INQUIRY_SERVICE.names.en);
    expect((await admin.get('/api/v1/admin/services/pilot_permit/versions/3')).status).toBe(404);

    const oversight = await signInStaff(t, {
      municipality: code,
      username: 'oversight',
      password: DEMO_PASSWORD,
    });
    expect((await oversight.get('/api/v1/admin/services/pilot_permit')).status).toBe(200);
    expect(
      (await oversight.request('PUT', '/api/v1/admin/services/pilot_permit/districts', { districtIds: [] }))
        .status,
    ).toBe(403);
    expect(
      (await oversight.post('/api/v1/admin/services/pilot_permit/check', { definition: INQUIRY_SERVICE }))
        .status,
    ).toBe(403);
    const office = await signInStaff(t, {
      municipality: code,
      username: 'notary12',
      password: DEMO_PASSWORD,
    });
    expect((await office.get('/api/v1/admin/services')).status).toBe(403);
    // Another municipality's administrator does not see this one's services.
    const elsewhere = `svc2-${randomUUID().slice(0, 8)}`;
    await seedDemoCity(t.database.db, { parcels: 20, municipalityCode: elsewhere });
    const otherAdmin = await signInStaff(t, {
      municipality: elsewhere,
      username: 'admin',
      password: DEMO_PASSWORD,
    });
    expect((await otherAdmin.get('/api/v1/admin/services/pilot_permit')).status).toBe(404);
  });

  it('saves a new version; refuses a definition that could reach an illegal state; clerks and citizens are refused', async () => {
    const admin = await signInStaff(t, { municipality: code, username: 'admin', password: DEMO_PASSWORD });
    const next = { ...INQUIRY_SERVICE, workflow: { ...INQUIRY_SERVICE.workflow } };
    const saved = await admin.request('PUT', '/api/v1/admin/services/inquiry', { definition: next });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.version).toBe(2);

    const broken = {
      ...INQUIRY_SERVICE,
      workflow: {
        ...INQUIRY_SERVICE.workflow,
        transitions: [
          ...INQUIRY_SERVICE.workflow.transitions,
          { ...INQUIRY_SERVICE.workflow.transitions[0], action: 'teleport', to: 'nowhere' },
        ],
      },
    };
    const refused = await admin.request('PUT', '/api/v1/admin/services/inquiry', { definition: broken });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.problems).toContainEqual({
      path: `workflow.transitions[${INQUIRY_SERVICE.workflow.transitions.length}].to`,
      rule: 'unknown_target',
      params: { action: 'teleport', state: 'nowhere' },
      message: 'transition "teleport" goes to unknown state "nowhere"',
    });
    expect((await admin.get('/api/v1/admin/services/inquiry')).body.version).toBe(2);

    const clerk = await signInStaff(t, { municipality: code, username: 'd1.clerk', password: DEMO_PASSWORD });
    expect((await clerk.request('PUT', '/api/v1/admin/services/inquiry', { definition: next })).status).toBe(
      403,
    );
    const citizen = DEMO_CITIZENS[0];
    const person = await signInCitizen(t, {
      municipality: code,
      nationalId: citizen.nationalId,
      mobile: citizen.mobile,
    });
    expect((await person.get('/api/v1/admin/services')).status).toBe(403);
  });

  it('rolls a service out district by district: a parcel in a district where it is not live cannot get it', async () => {
    const admin = await signInStaff(t, { municipality: code, username: 'admin', password: DEMO_PASSWORD });
    const districts = await t.database.db
      .selectFrom('districts')
      .select(['id', 'number'])
      .where('municipality_id', '=', municipalityId)
      .orderBy('number')
      .execute();
    const onlyTwo = await admin.request('PUT', '/api/v1/admin/services/inquiry/districts', {
      districtIds: [districts[1].id],
    });
    expect(onlyTwo.status).toBe(204);
    const citizen = DEMO_CITIZENS[0];
    const parcel = await t.database.db
      .selectFrom('parcels')
      .innerJoin('ownerships', 'ownerships.parcel_id', 'parcels.id')
      .innerJoin('owners', 'owners.id', 'ownerships.owner_id')
      .select('parcels.id')
      .where('owners.national_id', '=', citizen.nationalId)
      .where('parcels.district_id', '=', districts[0].id)
      .executeTakeFirstOrThrow();
    t.clock.advance(61_000); // the first test signed this citizen in a moment ago
    const person = await signInCitizen(t, {
      municipality: code,
      nationalId: citizen.nationalId,
      mobile: citizen.mobile,
    });
    const response = await person.post('/api/v1/cases', { serviceCode: 'inquiry', parcelId: parcel.id });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('service_not_live');
    const services = await person.get(`/api/v1/services?districtId=${districts[0].id}`);
    expect(services.body.services.map((s: { code: string }) => s.code)).not.toContain('inquiry');
  });
});
