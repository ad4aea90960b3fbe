// Helpers for the cases module's HTTP tests: multipart uploads and a case filed and submitted by a demo citizen.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { TestClient } from '../../../../test/client.js';
import type { TestApp } from '../../../../test/harness.js';
import { signInCitizen } from '../../../../test/sign-in.js';
import { DEMO_CITIZENS } from '../demo-city/demo-accounts.js';

export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 1),
]);
export const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300, 32)]);

/** Uploads one document of a case as a browser form would. */
export async function uploadDocument(client: TestClient, caseId: string, requirement: string, bytes: Buffer) {
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

/** The first parcel (lowest district number) a demo citizen owns in a municipality. */
export async function parcelOwnedBy(t: TestApp, municipalityId: string, nationalId: string) {
  return t.database.db
    .selectFrom('parcels')
    .innerJoin('ownerships', 'ownerships.parcel_id', 'parcels.id')
    .innerJoin('owners', 'owners.id', 'ownerships.owner_id')
    .innerJoin('districts', 'districts.id', 'parcels.district_id')
    .select(['parcels.id', 'districts.number'])
    .where('owners.national_id', '=', nationalId)
    .where('parcels.municipality_id', '=', municipalityId)
    .orderBy('districts.number')
    .orderBy('parcels.id')
    .executeTakeFirstOrThrow();
}

/** A demo citizen signs in, files an inquiry for their first parcel with its three documents, and submits it. */
export async function submittedInquiry(
  t: TestApp,
  city: { code: string; municipalityId: string },
  citizenIndex: number,
  client?: TestClient,
) {
  const citizen = DEMO_CITIZENS[citizenIndex];
  const parcel = await parcelOwnedBy(t, city.municipalityId, citizen.nationalId);
  const session =
    client ??
    (await signInCitizen(t, {
      municipality: city.code,
      nationalId: citizen.nationalId,
      mobile: citizen.mobile,
    }));
  const draft = await session.post('/api/v1/cases', {
    serviceCode: 'inquiry',
    parcelId: parcel.id,
    formData: { purpose: 'transfer', requesterLetterNumber: 'A-1' },
  });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  for (const [requirement, bytes] of [
    ['inquiry_letter', PDF],
    ['deed_image', PNG],
    ['owner_id_card', PNG],
  ] as const) {
    expect((await uploadDocument(session, draft.body.id, requirement, bytes)).status).toBe(201);
  }
  const version = (await session.get(`/api/v1/cases/${draft.body.id}`)).body.version;
  const submitted = await session.post(`/api/v1/cases/${draft.body.id}/actions`, {
    action: 'submit',
    version,
  });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return { client: session, caseBody: submitted.body, parcel, citizen };
}
