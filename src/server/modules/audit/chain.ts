import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedEntry {
  municipality_id: string;
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

/** The hash of one audit row: it covers every column and the previous row's hash. */
export function entryHash(prevHash: string, entry: ChainedEntry): string {
  const content = canonicalJson([
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
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}
