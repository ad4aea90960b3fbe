import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * How many hash chains each municipality's audit log has (ADR 0010). Writes on different chains do not wait for
 * each other. Changing the number later is safe: every row records its chain and each chain is verified on its own;
 * only which chain new rows go to changes.
 */
export const AUDIT_CHAINS = 32;

export interface ChainedEntry {
  municipality_id: string;
  chain: number;
  seq: number | string;
  at: Date;
  actor_kind: string;
  actor_id: string | null;
  office_id: string | null;
  api_client_id: string | null;
  ip: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: unknown;
}

/** JSON with object keys sorted, so the same value always hashes the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value as Record<string, unknown>)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
}

/**
 * The hash of one audit row: it covers every column and the previous row's hash. Rows of chain 0 hash exactly as
 * rows did when there was one chain, so the log written before 0005 still verifies; the other chains also cover
 * their chain number, so a row moved to another chain no longer matches its hash.
 */
export function entryHash(prevHash: string, entry: ChainedEntry): string {
  const columns = [
    entry.municipality_id,
    String(entry.seq),
    entry.at.toISOString(),
    entry.actor_kind,
    entry.actor_id,
    entry.office_id,
    entry.api_client_id,
    entry.ip,
    entry.action,
    entry.entity_type,
    entry.entity_id,
    entry.details,
  ];
  const content = canonicalJson(entry.chain === 0 ? columns : [...columns, `chain:${entry.chain}`]);
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

/** The chain for a stable key (FNV-1a): the same entity always lands on the same chain. */
export function chainForKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % AUDIT_CHAINS;
}
