import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Session } from './sessions.js';
import { summarise, type Timed } from './stats.js';

/** One worker's signed-in citizen and a parcel of theirs (the demo inquiry service is live in every district). */
export interface Applicant {
  session: Session;
  parcelIds: string[];
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A few-KB PDF or PNG, different every time (the blob store keeps files by content hash: no deduplication). */
function smallDocument(kind: 'pdf' | 'png'): { bytes: Buffer; type: string; name: string } {
  if (kind === 'pdf') {
    const body = randomBytes(3 * 1024).toString('base64');
    const bytes = Buffer.from(`%PDF-1.4\n% bench\n${body}\n%%EOF\n`, 'latin1');
    return { bytes, type: 'application/pdf', name: 'inquiry-letter.pdf' };
  }
  return {
    bytes: Buffer.concat([PNG_SIGNATURE, randomBytes(3 * 1024)]),
    type: 'image/png',
    name: 'scan.png',
  };
}

const DOCUMENTS = [
  { requirement: 'inquiry_letter', kind: 'pdf' },
  { requirement: 'deed_image', kind: 'png' },
  { requirement: 'owner_id_card', kind: 'png' },
] as const;

async function expectStatus(response: Response, status: number, what: string): Promise<unknown> {
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** One whole submission through the API: draft, three documents, submit. Throws on any unexpected answer. */
export async function submitOnce(baseUrl: string, applicant: Applicant, seq: number): Promise<void> {
  const { session } = applicant;
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
  const parcelId = applicant.parcelIds[seq % applicant.parcelIds.length];
  const created = (await expectStatus(
    await fetch(`${baseUrl}/api/v1/cases`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        serviceCode: 'inquiry',
        parcelId,
        formData: { purpose: 'transfer', requesterLetterNumber: `B-${seq}` },
      }),
    }),
    201,
    'POST /api/v1/cases',
  )) as { id: string; version: number };
  for (const { requirement, kind } of DOCUMENTS) {
    const doc = smallDocument(kind);
    const form = new FormData();
    form.append('requirement', requirement);
    form.append('file', new Blob([new Uint8Array(doc.bytes)], { type: doc.type }), doc.name);
    await expectStatus(
      await fetch(`${baseUrl}/api/v1/cases/${created.id}/documents`, { method: 'POST', headers, body: form }),
      201,
      `POST documents (${requirement})`,
    );
  }
  const submitted = (await expectStatus(
    await fetch(`${baseUrl}/api/v1/cases/${created.id}/actions`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'submit', version: created.version }),
    }),
    200,
    'POST actions (submit)',
  )) as { state: { code: string } };
  if (submitted.state.code !== 'submitted') throw new Error(`Submitted case is in ${submitted.state.code}`);
}

/**
 * Runs `workers` concurrent loops of `task` for `seconds` (after one warm-up call each, not counted); returns
 * the completed calls per second and the latency of a whole call. Stops early after 20 failures.
 */
export async function runWorkers(
  workers: number,
  seconds: number,
  task: (worker: number, seq: number) => Promise<void>,
): Promise<Timed> {
  let seq = 0;
  await Promise.all(Array.from({ length: workers }, (_, w) => task(w, seq++)));
  const latencies: number[] = [];
  const failures: string[] = [];
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      while (performance.now() < until && failures.length < 20) {
        const t0 = performance.now();
        try {
          await task(w, seq++);
          latencies.push(performance.now() - t0);
        } catch (err) {
          failures.push((err as Error).message);
        }
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  if (failures.length >= 20) throw new Error(`Stopped after 20 failures; first: ${failures[0]}`);
  return summarise(latencies, elapsedMs, failures);
}

/** Where a submission's rows go: the case and its documents and events, written by plain SQL. */
export interface SubmissionFixture {
  municipalityId: string;
  serviceId: string;
  versionId: string;
  parcels: { id: string; districtId: string }[];
  userId: string;
  nationalId: string;
  mobile: string;
}

type Run = (text: string, params: unknown[]) => Promise<{ rows: unknown[] }>;

/** The rows a submission leaves (a case, 3 documents, 2 events) through `run`, inside the caller's transaction. */
export async function writeSubmissionRows(
  run: Run,
  fixture: SubmissionFixture,
  seq: number,
): Promise<string> {
  const parcel = fixture.parcels[seq % fixture.parcels.length];
  const { rows } = await run(
    `INSERT INTO cases (municipality_id, district_id, service_id, service_version_id, parcel_id,
                        applicant_national_id, applicant_mobile, applicant_user_id, filed_by_user_id, state,
                        form_data, deadline_at, version, created_at, updated_at, submitted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, 'submitted', $9, now() + interval '2 days', 2,
             now(), now(), now())
     RETURNING id`,
    [
      fixture.municipalityId,
      parcel.districtId,
      fixture.serviceId,
      fixture.versionId,
      parcel.id,
      fixture.nationalId,
      fixture.mobile,
      fixture.userId,
      JSON.stringify({ purpose: 'transfer', requesterLetterNumber: `B-${seq}` }),
    ],
  );
  const caseId = (rows[0] as { id: string }).id;
  const docs = DOCUMENTS.map(({ requirement, kind }) => {
    const doc = smallDocument(kind);
    return [requirement, doc.name, doc.type, doc.bytes.length, randomBytes(32).toString('hex')] as const;
  });
  await run(
    `INSERT INTO case_documents (municipality_id, case_id, requirement_code, file_name, content_type,
                                 size_bytes, sha256, storage_key, uploaded_by)
     SELECT $1, $2, d.code, d.name, d.type, d.size, d.sha, 'sha256/' || d.sha, $3
       FROM unnest($4::text[], $5::text[], $6::text[], $7::int[], $8::text[]) AS d(code, name, type, size, sha)`,
    [
      fixture.municipalityId,
      caseId,
      fixture.userId,
      docs.map((d) => d[0]),
      docs.map((d) => d[1]),
      docs.map((d) => d[2]),
      docs.map((d) => d[3]),
      docs.map((d) => d[4]),
    ],
  );
  await run(
    `INSERT INTO case_events (municipality_id, case_id, at, actor_kind, actor_role, actor_user_id, action,
                              from_state, to_state, details)
     VALUES ($1, $2, now(), 'applicant', 'applicant', $3, 'created', NULL, 'draft', '{}'),
            ($1, $2, now(), 'applicant', 'applicant', $3, 'submit', 'draft', 'submitted', '{}')`,
    [fixture.municipalityId, caseId, fixture.userId],
  );
  return caseId;
}

/** The same rows a submission leaves, written by plain SQL: a case, 3 documents, 2 events, one transaction. */
export function plainSqlSubmission(
  pool: pg.Pool,
  fixture: SubmissionFixture,
): (worker: number, seq: number) => Promise<void> {
  return async (_worker, seq) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await writeSubmissionRows((text, params) => client.query(text, params), fixture, seq);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  };
}
