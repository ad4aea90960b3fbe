import { createHash } from 'node:crypto';

/** Where document bytes live: a local folder or an S3-compatible bucket, addressed by key. */
export interface BlobStore {
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  head(key: string): Promise<{ size: number } | null>;
  delete?(key: string): Promise<void>;
}

/** A store that could not do what was asked (unreachable, refused, misconfigured). */
export class StorageError extends Error {
  constructor(
    message: string,
    readonly code: string = 'StorageError',
    readonly status?: number,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The key of content with this SHA-256 (hex): `sha256/ab/cd/<hash>`, so the same bytes are stored once. */
export function contentKey(sha256hex: string): string {
  const hash = sha256hex.toLowerCase();
  if (!SHA256_HEX.test(hash)) throw new Error(`Not a SHA-256 hex digest: "${sha256hex}"`);
  return `sha256/${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}`;
}

/** Hex SHA-256 of some bytes. */
export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Stores bytes under their content key unless already there; returns the key. */
export async function storeContent(store: BlobStore, body: Buffer, contentType: string): Promise<string> {
  const key = contentKey(sha256Hex(body));
  const existing = await store.head(key);
  if (existing?.size !== body.length) await store.put(key, body, contentType);
  return key;
}
