import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../../../test/client.js';
import {
  buildApiClient,
  buildCity,
  buildOffice,
  buildStaff,
  fakeMobile,
  fakeNationalId,
} from '../../../../test/factories.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { apiClientSession, signInCitizen, signInStaff } from '../../../../test/sign-in.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

type Call = ['GET' | 'POST' | 'PATCH', string, unknown?];

/** Every administration route with a valid request, so that only the caller decides the answer. */
async function adminCalls(): Promise<{
  city: Awaited<ReturnType<typeof buildCity>>;
  reads: Call[];
  writes: Call[];
}> {
  const city = await buildCity(t.database.db);
  const id = city.municipality.id;
  const staff = await buildStaff(t.database.db, {
    municipalityId: id,
    roles: ['expert'],
    districtId: city.district1.id,
  });
  const { office } = await buildOffice(t.database.db, { municipalityId: id });
  const { client } = await buildApiClient(t.database.db, { municipalityId: id });
  const password = 'a-long-enough-secret';
  return {
    city,
    reads: [
      ['GET', '/api/v1/admin/municipality'],
      ['GET', '/api/v1/admin/districts'],
      ['GET', '/api/v1/admin/staff'],
      ['GET', '/api/v1/admin/offices'],
      ['GET', `/api/v1/admin/offices/${office.id}/operators`],
      ['GET', '/api/v1/admin/api-clients'],
    ],
    writes: [
      ['PATCH', '/api/v1/admin/municipality', { nameEn: 'Taken over' }],
      ['POST', '/api/v1/admin/districts', { number: 9, nameFa: 'x', nameEn: 'x', nameVi: 'x' }],
      ['PATCH', `/api/v1/admin/districts/${city.district1.id}`, { nameEn: 'x' }],
      ['POST', '/api/v1/admin/staff', { username: 'intruder', fullName: 'x', password, roles: ['admin'] }],
      ['PATCH', `/api/v1/admin/staff/${staff.user.id}`, { isActive: false }],
      ['POST', `/api/v1/admin/staff/${staff.user.id}/password`, { password }],
      ['POST', `/api/v1/admin/staff/${staff.user.id}/unlock`, {}],
      ['POST', '/api/v1/admin/offices', { kind: 'kiosk', name: 'x', licenseNo: 'x' }],
      ['PATCH', `/api/v1/admin/offices/${office.id}`, { isActive: false }],
      [
        'POST',
        `/api/v1/admin/offices/${office.id}/operators`,
        { username: 'intruder2', fullName: 'x', password },
      ],
      ['POST', '/api/v1/admin/api-clients', { name: 'x', kind: 'bank' }],
      ['POST', `/api/v1/admin/api-clients/${client.id}/rotate-secret`, {}],
      ['POST', `/api/v1/admin/api-clients/${client.id}/revoke`, {}],
    ],
  };
}

/** Each call's status, with the error code when it failed: `403 forbidden`, `200`. */
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

async function noAdminChanges(municipalityId: string) {
  const rows = await t.database.db
    .selectFrom('audit_log')
    .select('action')
    .where('municipality_id', '=', municipalityId)
    .where('action', 'like', 'admin.%')
    .execute();
  expect(rows).toEqual([]);
}

describe('admin: who may call the administration API', () => {
  it('refuses a district clerk, a citizen and an API client on every read and write (403), changing nothing', async () => {
    const { city, reads, writes } = await adminCalls();
    const id = city.municipality.id;
    const code = city.municipality.code;
    const clerk = await buildStaff(t.database.db, {
      municipalityId: id,
      roles: ['clerk', 'district_manager'],
      districtId: city.district1.id,
    });
    const apiClient = await buildApiClient(t.database.db, { municipalityId: id });
    const callers = {
      clerk: await signInStaff(t, { municipality: code, username: clerk.username, password: clerk.password }),
      citizen: await signInCitizen(t, {
        municipality: code,
        nationalId: fakeNationalId(),
        mobile: fakeMobile(),
      }),
      apiClient: await apiClientSession(t, { clientId: apiClient.clientId, secret: apiClient.secret }),
    };
    for (const [who, client] of Object.entries(callers)) {
      expect(await statuses(client, [...reads, ...writes]), who).toEqual(
        all([...reads, ...writes], '403 forbidden'),
      );
    }
    await noAdminChanges(id);
  });

  it('lets oversight read everything but change nothing', async () => {
    const { city, reads, writes } = await adminCalls();
    const oversight = await buildStaff(t.database.db, {
      municipalityId: city.municipality.id,
      roles: ['oversight'],
    });
    const client = await signInStaff(t, {
      municipality: city.municipality.code,
      username: oversight.username,
      password: oversight.password,
    });
    expect(await statuses(client, reads)).toEqual(all(reads, '200'));
    expect(await statuses(client, writes)).toEqual(all(writes, '403 forbidden'));
    await noAdminChanges(city.municipality.id);
  });

  it('asks an anonymous caller to sign in (401)', async () => {
    const { reads, writes } = await adminCalls();
    const anonymous = new TestClient(t.app);
    expect(await statuses(anonymous, [...reads, ...writes])).toEqual(
      all([...reads, ...writes], '401 unauthenticated'),
    );
  });

  it('documents every administration route in the OpenAPI document', async () => {
    const { reads, writes } = await adminCalls();
    const doc = (await new TestClient(t.app).get('/openapi.json')).body;
    // Service definitions, inquiry settings and API clients' webhooks are administered by their own modules and
    // tested there (service-admin.test.ts, inquiries.test.ts, webhook-access.test.ts).
    const elsewhere = ['/api/v1/admin/services', '/api/v1/admin/inquiry-settings'];
    const adminPaths = Object.keys(doc.paths).filter(
      (path) =>
        path.startsWith('/api/v1/admin/') &&
        !elsewhere.some((prefix) => path.startsWith(prefix)) &&
        !path.includes('/webhook'),
    );
    expect(adminPaths.length).toBe(
      new Set([...reads, ...writes].map(([, url]) => url.replace(/[0-9a-f-]{36}/, '{id}'))).size,
    );
    expect(doc.paths['/api/v1/admin/staff'].post.tags).toEqual(['admin']);
  });
});
