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
    expect(JSON.stringify(refused.body.error.details.problems)).toContain('nowhere');

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
