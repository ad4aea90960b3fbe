import type { Db } from '../../db/schema.js';
import { entryHash, GENESIS_HASH } from './chain.js';
import { findChainHead, listAuditPage } from './repository.js';

export interface AuditProblem {
  seq: number;
  problem: 'edited' | 'missing' | 'broken_link' | 'truncated';
}

export interface AuditVerification {
  municipalityId: string;
  rows: number;
  ok: boolean;
  problems: AuditProblem[];
}

const PAGE = 5_000;

/**
 * Walks a municipality's chain from the first row: every row must follow the previous one (seq + 1), link to its
 * hash, and hash to what it says; the last row must be the head. Any edit, deletion or truncation shows up.
 */
export async function verifyAuditChain(db: Db, municipalityId: string): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let rows = 0;
  for (;;) {
    const page = await listAuditPage(db, municipalityId, expectedSeq - 1, PAGE);
    for (const row of page) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) problems.push({ seq: expectedSeq, problem: 'missing' });
      if (row.prev_hash !== prevHash) problems.push({ seq, problem: 'broken_link' });
      if (entryHash(row.prev_hash, row) !== row.hash) problems.push({ seq, problem: 'edited' });
      prevHash = row.hash;
      expectedSeq = seq + 1;
      rows++;
    }
    if (page.length < PAGE) break;
  }
  const head = await findChainHead(db, municipalityId);
  const headSeq = head ? Number(head.seq) : 0;
  if (headSeq !== expectedSeq - 1 || (head && head.hash !== prevHash)) {
    problems.push({ seq: headSeq, problem: 'truncated' });
  }
  return { municipalityId, rows, ok: problems.length === 0, problems };
}
