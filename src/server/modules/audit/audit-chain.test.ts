import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCity, buildStaff } from '../../../../test/factories.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { signInStaff } from '../../../../test/sign-in.js';
import { systemActor } from './actor.js';
import { recordAudit } from './record-audit.js';
import { verifyAuditChain } from './verify-audit.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function cityWithHistory(events = 5) {
  const { municipality } = await buildCity(t.database.db);
  for (let i = 0; i < events; i++) {
    await t.database.db.transaction().execute((trx) =>
      recordAudit(trx, systemActor(municipality.id), {
        action: 'test.event',
        entityType: 'thing',
        entityId: String(i),
        details: { i, note: 'یک' },
      }),
    );
  }
  return municipality.id;
}

/** What an attacker with direct database access would do: switch the append-only trigger off first. */
async function tamper(statement: ReturnType<typeof sql>) {
  await t.database.db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(trx);
    await statement.execute(trx);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(trx);
  });
}

describe('the hash-chained audit log', () => {
  it('verifies an untouched chain', async () => {
    const id = await cityWithHistory();
    expect(await verifyAuditChain(t.database.db, id)).toEqual({
      municipalityId: id,
      rows: 5,
      ok: true,
      problems: [],
    });
  });

  it('refuses UPDATE and DELETE through the trigger', async () => {
    const id = await cityWithHistory(1);
    await expect(
      sql`UPDATE audit_log SET action = 'x' WHERE municipality_id = ${id}`.execute(t.database.db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`DELETE FROM audit_log WHERE municipality_id = ${id}`.execute(t.database.db),
    ).rejects.toThrow(/append-only/);
  });

  it('detects an edited row', async () => {
    const id = await cityWithHistory();
    await tamper(
      sql`UPDATE audit_log SET details = '{"i": 2, "note": "دو"}' WHERE municipality_id = ${id} AND seq = 3`,
    );
    const result = await verifyAuditChain(t.database.db, id);
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual({ seq: 3, problem: 'edited' });
  });

  it('detects an edited row whose hash was recomputed, by the broken link to the next row', async () => {
    const id = await cityWithHistory();
    await tamper(
      sql`UPDATE audit_log SET action = 'forged', hash = repeat('a', 64) WHERE municipality_id = ${id} AND seq = 2`,
    );
    const result = await verifyAuditChain(t.database.db, id);
    expect(result.problems).toContainEqual({ seq: 3, problem: 'broken_link' });
  });

  it('detects a deleted row and a deleted tail', async () => {
    const id = await cityWithHistory();
    await tamper(sql`DELETE FROM audit_log WHERE municipality_id = ${id} AND seq = 2`);
    expect((await verifyAuditChain(t.database.db, id)).problems).toContainEqual({
      seq: 2,
      problem: 'missing',
    });
    const other = await cityWithHistory();
    await tamper(sql`DELETE FROM audit_log WHERE municipality_id = ${other} AND seq = 5`);
    expect((await verifyAuditChain(t.database.db, other)).problems).toEqual([
      { seq: 5, problem: 'truncated' },
    ]);
  });

  it('lets oversight see the log and its verification over the API, and refuses a clerk', async () => {
    const { municipality, district1 } = await buildCity(t.database.db);
    const oversight = await buildStaff(t.database.db, {
      municipalityId: municipality.id,
      roles: ['oversight'],
    });
    const clerk = await buildStaff(t.database.db, {
      municipalityId: municipality.id,
      roles: ['clerk'],
      districtId: district1.id,
    });
    const client = await signInStaff(t, {
      municipality: municipality.code,
      username: oversight.username,
      password: oversight.password,
    });
    const log = await client.get('/api/v1/audit');
    expect(log.body.entries[0]).toMatchObject({
      action: 'auth.signed_in',
      actorKind: 'user',
      actorId: oversight.user.id,
    });
    expect((await client.get('/api/v1/audit/verify')).body).toMatchObject({ ok: true });
    const clerkClient = await signInStaff(t, {
      municipality: municipality.code,
      username: clerk.username,
      password: clerk.password,
    });
    expect((await clerkClient.get('/api/v1/audit')).status).toBe(403);
  });
});
