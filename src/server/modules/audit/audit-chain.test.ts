import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildCity, buildStaff } from '../../../../test/factories.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { signInStaff } from '../../../../test/sign-in.js';
import { systemActor } from './actor.js';
import { AUDIT_CHAINS, chainForKey, entryHash } from './chain.js';
import { recordAudit } from './record-audit.js';
import { verifyAuditChain } from './verify-audit.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** `events` audited writes, each in its own transaction, on `entities` different things (so several chains). */
async function cityWithHistory(events = 12, entities = 4) {
  const { municipality } = await buildCity(t.database.db);
  for (let i = 0; i < events; i++) {
    await t.database.db.transaction().execute((trx) =>
      recordAudit(trx, systemActor(municipality.id), {
        action: 'test.event',
        entityType: 'thing',
        entityId: String(i % entities),
        details: { i, note: 'یک' },
      }),
    );
  }
  return municipality.id;
}

/** The chain holding thing `n`'s events, and how many rows it has. */
async function chainOfThing(municipalityId: string, n: number) {
  const rows = await t.database.db
    .selectFrom('audit_log')
    .select(['chain', 'seq'])
    .where('municipality_id', '=', municipalityId)
    .where('entity_id', '=', String(n))
    .orderBy('seq')
    .execute();
  return { chain: rows[0].chain, seqs: rows.map((row) => Number(row.seq)) };
}

/** What an attacker with direct database access would do: switch the append-only trigger off first. */
async function tamper(statement: ReturnType<typeof sql>) {
  await t.database.db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(trx);
    await statement.execute(trx);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(trx);
  });
}

describe('the hash-chained audit log, several chains per municipality', () => {
  it('verifies an untouched log; each entity keeps to one chain, in order; entities spread over chains', async () => {
    const id = await cityWithHistory(12, 4);
    const result = await verifyAuditChain(t.database.db, id);
    expect(result).toMatchObject({ municipalityId: id, rows: 12, ok: true, problems: [] });
    const chains = new Set<number>();
    for (let n = 0; n < 4; n++) {
      const { chain, seqs } = await chainOfThing(id, n);
      expect(chain).toBe(chainForKey(`thing:${n}`));
      chains.add(chain);
      // The three events of one thing follow each other in its chain (other things may share the chain).
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
    expect(chains.size).toBeGreaterThan(1);
    expect(result.chains).toBe(chains.size);
  });

  it('reads the log page by page across chain boundaries, and still finds a gap', async () => {
    const id = await cityWithHistory(12, 6);
    for (const pageSize of [1, 2, 5]) {
      expect(await verifyAuditChain(t.database.db, id, { pageSize })).toMatchObject({ rows: 12, ok: true });
    }
    const { chain, seqs } = await chainOfThing(id, 4);
    await tamper(
      sql`DELETE FROM audit_log WHERE municipality_id = ${id} AND chain = ${chain} AND seq = ${seqs[0]}`,
    );
    const result = await verifyAuditChain(t.database.db, id, { pageSize: 2 });
    expect(result.rows).toBe(11);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.every((p) => p.chain === chain)).toBe(true);
  });

  it('spreads keys over all the chains', () => {
    const used = new Set(Array.from({ length: 2_000 }, (_, i) => chainForKey(`case:${i}`)));
    expect(used.size).toBe(AUDIT_CHAINS);
  });

  it('puts every event of one transaction on the chain of its first event', async () => {
    const { municipality } = await buildCity(t.database.db);
    const actor = systemActor(municipality.id);
    await t.database.db.transaction().execute(async (trx) => {
      for (let n = 0; n < 6; n++)
        await recordAudit(trx, actor, { action: 'test.event', entityType: 'thing', entityId: String(n) });
    });
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select(['chain', 'seq'])
      .where('municipality_id', '=', municipality.id)
      .where('action', '=', 'test.event')
      .orderBy('seq')
      .execute();
    expect(new Set(rows.map((row) => row.chain))).toEqual(new Set([chainForKey('thing:0')]));
    expect((await verifyAuditChain(t.database.db, municipality.id)).ok).toBe(true);
  });

  it('hashes chain-0 rows exactly as the single chain did, so the log written before 0005 still verifies', () => {
    const entry = {
      municipality_id: '11111111-1111-4111-8111-111111111111',
      seq: 7,
      at: new Date('2025-03-17T06:30:00.000Z'),
      actor_kind: 'user',
      actor_id: '22222222-2222-4222-8222-222222222222',
      office_id: null,
      api_client_id: null,
      ip: '127.0.0.1',
      action: 'case.submit',
      entity_type: 'case',
      entity_id: '33333333-3333-4333-8333-333333333333',
      details: { to: 'submitted', from: 'draft' },
    };
    // Computed with the single-chain entryHash of the previous release.
    const before = 'bd614783876e96ee9a325dbaffffb27bd86b04e2ea3985451748275203c8d047';
    expect(entryHash('a'.repeat(64), { ...entry, chain: 0 })).toBe(before);
    expect(entryHash('a'.repeat(64), { ...entry, chain: 5 })).not.toBe(before);
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

  it('detects an edited row in any chain', async () => {
    const id = await cityWithHistory();
    const { chain, seqs } = await chainOfThing(id, 2);
    await tamper(
      sql`UPDATE audit_log SET details = '{"i": 2, "note": "دو"}'
          WHERE municipality_id = ${id} AND chain = ${chain} AND seq = ${seqs[1]}`,
    );
    const result = await verifyAuditChain(t.database.db, id);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([{ chain, seq: seqs[1], problem: 'edited' }]);
  });

  it('detects an edited row whose hash was recomputed, by the broken link to the next row', async () => {
    const id = await cityWithHistory();
    const { chain, seqs } = await chainOfThing(id, 3);
    await tamper(
      sql`UPDATE audit_log SET action = 'forged', hash = repeat('a', 64)
          WHERE municipality_id = ${id} AND chain = ${chain} AND seq = ${seqs[0]}`,
    );
    const result = await verifyAuditChain(t.database.db, id);
    expect(result.problems).toContainEqual({ chain, seq: seqs[0] + 1, problem: 'broken_link' });
  });

  it('detects a deleted row, a deleted tail, and a whole chain deleted under its head', async () => {
    const id = await cityWithHistory();
    const { chain } = await chainOfThing(id, 1);
    await tamper(sql`DELETE FROM audit_log WHERE municipality_id = ${id} AND chain = ${chain} AND seq = 1`);
    expect((await verifyAuditChain(t.database.db, id)).problems).toContainEqual({
      chain,
      seq: 1,
      problem: 'missing',
    });

    const other = await cityWithHistory();
    const tail = await chainOfThing(other, 0);
    const last = Math.max(...tail.seqs);
    await tamper(
      sql`DELETE FROM audit_log WHERE municipality_id = ${other} AND chain = ${tail.chain} AND seq = ${last}`,
    );
    expect((await verifyAuditChain(t.database.db, other)).problems).toEqual([
      { chain: tail.chain, seq: last, problem: 'truncated' },
    ]);

    const third = await cityWithHistory();
    const whole = await chainOfThing(third, 2);
    await tamper(sql`DELETE FROM audit_log WHERE municipality_id = ${third} AND chain = ${whole.chain}`);
    const result = await verifyAuditChain(t.database.db, third);
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ chain: whole.chain, problem: 'truncated' }),
    );
  });

  it('detects a row moved to another chain', async () => {
    const id = await cityWithHistory();
    const { chain, seqs } = await chainOfThing(id, 0);
    const elsewhere = (chain + 1) % AUDIT_CHAINS;
    await tamper(
      sql`UPDATE audit_log SET chain = ${elsewhere}, seq = 1
          WHERE municipality_id = ${id} AND chain = ${chain} AND seq = ${Math.max(...seqs)}`,
    );
    const result = await verifyAuditChain(t.database.db, id);
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ chain: elsewhere, seq: 1, problem: 'edited' }),
    );
  });

  // PGlite is one session: nothing runs at once there, so this is a PostgreSQL test.
  it.skipIf(!inject('postgresUrl'))(
    'lets writes on two chains proceed at once, while two writes on one chain wait (PostgreSQL)',
    async () => {
      const { municipality } = await buildCity(t.database.db);
      const actor = systemActor(municipality.id);
      const key = (n: number) => `thing:${n}`;
      const first = 0;
      const sameChain = Array.from({ length: 500 }, (_, n) => n).find(
        (n) => n !== first && chainForKey(key(n)) === chainForKey(key(first)),
      )!;
      const otherChain = Array.from({ length: 500 }, (_, n) => n).find(
        (n) => chainForKey(key(n)) !== chainForKey(key(first)),
      )!;
      const event = (n: number) => ({ action: 'test.event', entityType: 'thing', entityId: String(n) });
      // Create the heads first, so the waits below are on existing rows.
      for (const n of [first, sameChain, otherChain])
        await t.database.db.transaction().execute((trx) => recordAudit(trx, actor, event(n)));
      const second = (n: number) =>
        t.database.db.transaction().execute(async (trx) => {
          await sql`SET LOCAL lock_timeout = '1s'`.execute(trx);
          await recordAudit(trx, actor, event(n));
        });
      await t.database.db.transaction().execute(async (trx) => {
        await recordAudit(trx, actor, event(first));
        await expect(second(otherChain)).resolves.toBeUndefined();
        await expect(second(sameChain)).rejects.toThrow(/lock timeout/);
      });
      expect((await verifyAuditChain(t.database.db, municipality.id)).ok).toBe(true);
    },
  );

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
      chain: chainForKey(`user:${oversight.user.id}`),
    });
    const older = await client.get(`/api/v1/audit?beforeId=${log.body.entries[0].id}`);
    expect(older.status).toBe(200);
    expect(older.body.entries.map((e: { id: string }) => e.id)).not.toContain(log.body.entries[0].id);
    expect((await client.get('/api/v1/audit/verify')).body).toMatchObject({ ok: true });
    const clerkClient = await signInStaff(t, {
      municipality: municipality.code,
      username: clerk.username,
      password: clerk.password,
    });
    expect((await clerkClient.get('/api/v1/audit')).status).toBe(403);
    expect((await clerkClient.get('/api/v1/audit/verify')).status).toBe(403);
  });
});
