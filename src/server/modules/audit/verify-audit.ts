import type { Db } from '../../db/schema.js';
import { entryHash, GENESIS_HASH } from './chain.js';
import { listAuditPage, listChainHeads } from './repository.js';

export interface AuditProblem {
  chain: number;
  seq: number;
  problem: 'edited' | 'missing' | 'broken_link' | 'truncated';
}

export interface AuditVerification {
  municipalityId: string;
  rows: number;
  chains: number;
  ok: boolean;
  problems: AuditProblem[];
}

const PAGE = 5_000;

/**
 * Walks every chain of a municipality from its first row: each row must follow the previous one of its chain
 * (seq + 1), link to its hash, and hash to what it says; each chain's last row must be that chain's head, and a
 * head without rows, or rows without a head, are reported too. Any edit, deletion or truncation shows up.
 */
export async function verifyAuditChain(
  db: Db,
  municipalityId: string,
  options: { pageSize?: number } = {},
): Promise<AuditVerification> {
  const pageSize = options.pageSize ?? PAGE;
  const problems: AuditProblem[] = [];
  const ends = new Map<number, { seq: number; hash: string }>();
  let chain = -1;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let rows = 0;
  let after = { chain: -1, seq: 0 };
  for (;;) {
    const page = await listAuditPage(db, municipalityId, after, pageSize);
    for (const row of page) {
      if (row.chain !== chain) {
        chain = row.chain;
        expectedSeq = 1;
        prevHash = GENESIS_HASH;
      }
      const seq = Number(row.seq);
      if (seq !== expectedSeq) problems.push({ chain, seq: expectedSeq, problem: 'missing' });
      if (row.prev_hash !== prevHash) problems.push({ chain, seq, problem: 'broken_link' });
      if (entryHash(row.prev_hash, row) !== row.hash) problems.push({ chain, seq, problem: 'edited' });
      prevHash = row.hash;
      expectedSeq = seq + 1;
      ends.set(chain, { seq, hash: row.hash });
      rows++;
    }
    if (page.length < pageSize) break;
    const last = page[page.length - 1];
    after = { chain: last.chain, seq: Number(last.seq) };
  }
  const heads = await listChainHeads(db, municipalityId);
  const headChains = new Set(heads.map((head) => head.chain));
  for (const head of heads) {
    const end = ends.get(head.chain) ?? { seq: 0, hash: GENESIS_HASH };
    if (head.seq !== end.seq || head.hash !== end.hash)
      problems.push({ chain: head.chain, seq: head.seq, problem: 'truncated' });
  }
  for (const [endChain, end] of ends) {
    if (!headChains.has(endChain)) problems.push({ chain: endChain, seq: end.seq, problem: 'truncated' });
  }
  return { municipalityId, rows, chains: ends.size, ok: problems.length === 0, problems };
}
