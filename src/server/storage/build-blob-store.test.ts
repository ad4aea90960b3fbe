import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBlobStore, storageConfigFrom } from './build-blob-store.js';
import { LocalBlobStore } from './local-blob-store.js';
import { S3BlobStore } from './s3-blob-store.js';

const s3Env = {
  STORAGE_DRIVER: 's3',
  STORAGE_S3_ENDPOINT: 'https://s3.example.ir/',
  STORAGE_S3_BUCKET: 'shahrvand-documents',
  STORAGE_S3_ACCESS_KEY: 'AK',
  STORAGE_S3_SECRET_KEY: 'SK',
};

describe('storage configuration', () => {
  it('keeps files in DATA_DIR/files by default', () => {
    const storage = storageConfigFrom({});
    expect(storage).toEqual({ driver: 'local' });
    const store = buildBlobStore(storage, '/srv/shahrvand');
    expect(store).toBeInstanceOf(LocalBlobStore);
    expect((store as LocalBlobStore).root).toBe(path.resolve('/srv/shahrvand/files'));
  });

  it('reads an S3-compatible store, region us-east-1 unless told', () => {
    const storage = storageConfigFrom(s3Env);
    expect(storage).toEqual({
      driver: 's3',
      s3: {
        endpoint: 'https://s3.example.ir',
        region: 'us-east-1',
        bucket: 'shahrvand-documents',
        accessKey: 'AK',
        secretKey: 'SK',
      },
    });
    expect(storageConfigFrom({ ...s3Env, STORAGE_S3_REGION: 'ir-thr-at1' })).toMatchObject({
      s3: { region: 'ir-thr-at1' },
    });
    expect(buildBlobStore(storage, '/srv')).toBeInstanceOf(S3BlobStore);
  });

  it('explains what is missing or wrong', () => {
    expect(() => storageConfigFrom({ STORAGE_DRIVER: 'ftp' })).toThrow(
      'STORAGE_DRIVER must be "local" or "s3", got "ftp"',
    );
    expect(() => storageConfigFrom({ STORAGE_DRIVER: 's3', STORAGE_S3_BUCKET: 'docs' })).toThrow(
      'STORAGE_DRIVER=s3 needs STORAGE_S3_ENDPOINT, STORAGE_S3_ACCESS_KEY, STORAGE_S3_SECRET_KEY',
    );
    expect(() => storageConfigFrom({ ...s3Env, STORAGE_S3_ENDPOINT: 's3.example.ir' })).toThrow(
      'STORAGE_S3_ENDPOINT must be an http(s) URL, got "s3.example.ir"',
    );
    expect(() => storageConfigFrom({ ...s3Env, STORAGE_S3_BUCKET: 'Docs_2024' })).toThrow(
      'STORAGE_S3_BUCKET must be an S3 bucket name',
    );
  });
});
