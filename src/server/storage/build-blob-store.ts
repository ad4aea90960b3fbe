import path from 'node:path';
import type { BlobStore } from './blob-store.js';
import { LocalBlobStore } from './local-blob-store.js';
import { S3BlobStore } from './s3-blob-store.js';

/** Where document blobs are kept: `DATA_DIR/files` (local) or an S3-compatible bucket. */
export type StorageConfig =
  | { driver: 'local' }
  | {
      driver: 's3';
      s3: { endpoint: string; region: string; bucket: string; accessKey: string; secretKey: string };
    };

type Env = Record<string, string | undefined>;

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Reads STORAGE_DRIVER and STORAGE_S3_* (region defaults to us-east-1, as AWS and MinIO do). */
export function storageConfigFrom(env: Env): StorageConfig {
  const driver = env.STORAGE_DRIVER || 'local';
  if (driver === 'local') return { driver };
  if (driver !== 's3') {
    throw new Error(`Configuration error: STORAGE_DRIVER must be "local" or "s3", got "${driver}"`);
  }
  const required = [
    'STORAGE_S3_ENDPOINT',
    'STORAGE_S3_BUCKET',
    'STORAGE_S3_ACCESS_KEY',
    'STORAGE_S3_SECRET_KEY',
  ];
  const missing = required.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new Error(`Configuration error: STORAGE_DRIVER=s3 needs ${missing.join(', ')}`);
  }
  const endpoint = env.STORAGE_S3_ENDPOINT!;
  let url: URL | undefined;
  try {
    url = new URL(endpoint);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash) {
    throw new Error(`Configuration error: STORAGE_S3_ENDPOINT must be an http(s) URL, got "${endpoint}"`);
  }
  const bucket = env.STORAGE_S3_BUCKET!;
  if (!BUCKET_NAME.test(bucket)) {
    throw new Error(
      `Configuration error: STORAGE_S3_BUCKET must be an S3 bucket name (3-63 of a-z 0-9 . -), got "${bucket}"`,
    );
  }
  return {
    driver: 's3',
    s3: {
      endpoint: endpoint.replace(/\/+$/, ''),
      region: env.STORAGE_S3_REGION || 'us-east-1',
      bucket,
      accessKey: env.STORAGE_S3_ACCESS_KEY!,
      secretKey: env.STORAGE_S3_SECRET_KEY!,
    },
  };
}

/** The configured blob store. */
export function buildBlobStore(storage: StorageConfig, dataDir: string): BlobStore {
  if (storage.driver === 's3') return new S3BlobStore(storage.s3);
  return new LocalBlobStore(path.join(dataDir, 'files'));
}
