import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TestApp } from '../../../../test/harness.js';
import { startTestApp } from '../../../../test/harness.js';
import { assessNextChunk } from './assess-next-chunk.js';
import { assessmentWorkerCount, runAssessmentWorkers } from './assessment-workers.js';
import { claimChunk } from './chunk-repository.js';
import { cityWithAssessmentRun, claimedChunks, expectBilledOnce, serialOf } from './test-support.js';

// Several workers bill one assessment run at once (ADR 0016). Concurrency needs two sessions: PostgreSQL only.

const postgresUrl = inject('postgresUrl');

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('an assessment billed by several workers at once', () => {
  it('bills one chunk at a time on PGlite, one session', () => {
    expect(assessmentWorkerCount('pglite', 4)).toBe(1);
    expect(assessmentWorkerCount('postgres', 4)).toBe(4);
  });

  it.skipIf(!postgresUrl)(
    'two workers bill every parcel exactly once, with gap-free bill serials and a balanced ledger',
    async () => {
      const { run, municipalityId } = await cityWithAssessmentRun(t, 120);
      const done = await runAssessmentWorkers(t.database.db, t.clock, {
        municipalityId,
        runId: run.id,
        timeZone: 'Asia/Tehran',
        chunkSize: 5,
        workers: 2,
      });
      expect(done).toBe(true);
      await expectBilledOnce(t.database.db, { municipalityId, runId: run.id, year: 1405, parcels: 123 });
      const chunks = await t.database.db
        .selectFrom('dues_assessment_chunks')
        .select(['state', 'first_serial', 'serials'])
        .where('run_id', '=', run.id)
        .execute();
      expect(chunks.filter((c) => c.serials > 0).length).toBeGreaterThan(2);
      expect(chunks.every((c) => c.state === 'done')).toBe(true);
    },
  );

  it.skipIf(!postgresUrl)(
    'a chunk held by one worker does not stop another; when its worker dies, another bills it with its serials',
    async () => {
      const { run, municipalityId } = await cityWithAssessmentRun(t, 60);
      const db = t.database.db;
      const step = { municipalityId, runId: run.id, timeZone: 'Asia/Tehran', chunkSize: 5 };
      // Worker A claims the first chunk with parcels in it and holds it, as while it bills it.
      let claimed = await claimChunk(db, step);
      while (claimed && claimed.serials === 0) {
        await assessNextChunk(db, t.clock, step);
        claimed = await claimChunk(db, step);
      }
      if (!claimed) throw new Error('no chunk with parcels');
      const held = claimed;
      const workerA = new pg.Client({ connectionString: postgresUrl });
      await workerA.connect();
      await workerA.query('BEGIN');
      await workerA.query('SELECT 1 FROM dues_assessment_chunks WHERE id = $1 FOR UPDATE', [held.id]);
      try {
        // Worker B claims and bills every other range meanwhile.
        const cursor = async () =>
          (
            await db
              .selectFrom('dues_assessment_runs')
              .select('cursor_block')
              .where('id', '=', run.id)
              .executeTakeFirstOrThrow()
          ).cursor_block ?? 0;
        while ((await cursor()) < run.blocks_total)
          expect((await assessNextChunk(db, t.clock, step)).done).toBe(false);
        const open = await claimedChunks(db, run.id);
        expect(open).toEqual([{ id: held.id }]);
        const billed = await db
          .selectFrom('bills')
          .select('bill_id')
          .where('municipality_id', '=', municipalityId)
          .execute();
        expect(billed).toHaveLength(63 - held.serials);
      } finally {
        // Worker A dies before its chunk commits.
        await workerA.end();
      }
      for (;;) if ((await assessNextChunk(db, t.clock, step)).done) break;
      const bills = await expectBilledOnce(db, { municipalityId, runId: run.id, year: 1405, parcels: 63 });
      const serials = bills.map((b) => serialOf(b.bill_id));
      const reserved = Array.from({ length: held.serials }, (_, i) => held.firstSerial + i);
      expect(serials).toEqual(expect.arrayContaining(reserved));
    },
  );
});
