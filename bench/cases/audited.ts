import { CompiledQuery } from 'kysely';
import type { Db } from '../../src/server/db/schema.js';
import type { Actor } from '../../src/server/modules/audit/actor.js';
import { recordAudit } from '../../src/server/modules/audit/record-audit.js';
import { type SubmissionFixture, writeSubmissionRows } from './submissions.js';

/**
 * The plain-SQL submission plus the audit append the API makes (`recordAudit`, the real code), in one transaction.
 * `oneChain` gives every event the same entity, so all of them land on one chain: the single-chain design of
 * ADR 0003. Measured side by side, the two show what the chains remove, without the application server's CPU.
 */
export function auditedSubmission(
  db: Db,
  fixture: SubmissionFixture,
  options: { oneChain: boolean },
): (worker: number, seq: number) => Promise<void> {
  const actor: Actor = {
    municipalityId: fixture.municipalityId,
    kind: 'user',
    userId: fixture.userId,
    officeId: null,
    apiClientId: null,
    ip: '127.0.0.1',
  };
  return async (_worker, seq) => {
    await db.transaction().execute(async (trx) => {
      const caseId = await writeSubmissionRows(
        (text, params) => trx.executeQuery(CompiledQuery.raw(text, params)),
        fixture,
        seq,
      );
      await recordAudit(trx, actor, {
        action: 'case.submit',
        entityType: 'case',
        entityId: options.oneChain ? 'bench-one-chain' : caseId,
        details: { from: 'draft', to: 'submitted' },
      });
    });
  };
}
