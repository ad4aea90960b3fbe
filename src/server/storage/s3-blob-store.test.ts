import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentKey, StorageError, sha256Hex, storeContent } from './blob-store.js';
import { S3BlobStore, type S3BlobStoreOptions } from './s3-blob-store.js';
import { startS3Simulator } from './s3-simulator.js';
import { EMPTY_SHA256, signRequest } from './sigv4.js';

const credentials = { accessKey: 'SHAHRVANDTESTKEY', secretKey: 'test-secret/with+odd=chars' };
let simulator: Awaited<ReturnType<typeof startS3Simulator>>;
let options: S3BlobStoreOptions;

beforeAll(async () => {
  simulator = await startS3Simulator({ region: 'ir-thr-1', credentials, buckets: ['case-documents'] });
  options = { endpoint: `${simulator.url}/`, region: 'ir-thr-1', bucket: 'case-documents', ...credentials };
});

afterAll(async () => {
  await simulator.close();
});

function keyOf(body: Buffer): string {
  return contentKey(sha256Hex(body));
}

async function refusalOf(promise: Promise<unknown>): Promise<StorageError> {
  const error = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(StorageError);
  return error as StorageError;
}

describe('S3 blob store against the S3 simulator', () => {
  it('puts, gets, heads and deletes an object', async () => {
    const store = new S3BlobStore(options);
    const body = Buffer.from('%PDF-1.4 building plan, floor 1');
    const key = keyOf(body);
    await store.put(key, body, 'application/pdf');
    expect(await store.get(key)).toEqual(body);
    expect(await store.head(key)).toEqual({ size: body.length });
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    expect(await store.head(key)).toBeNull();
    await store.delete(key);
  });

  it('round-trips binary content and keys that need encoding', async () => {
    const store = new S3BlobStore(options);
    const body = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256));
    for (const key of [keyOf(body), 'drafts/سند ملک (نسخه ۲).pdf', "odd/a+b=c&d~e*f!'.bin"]) {
      await store.put(key, body, 'application/octet-stream');
      expect(await store.get(key)).toEqual(body);
    }
  });

  it('reads a missing object as null', async () => {
    const store = new S3BlobStore(options);
    expect(await store.get(keyOf(Buffer.from('never stored')))).toBeNull();
    expect(await store.head(keyOf(Buffer.from('never stored')))).toBeNull();
  });

  it('stores the same content once', async () => {
    class CountingStore extends S3BlobStore {
      puts = 0;
      override async put(key: string, body: Buffer, contentType: string): Promise<void> {
        this.puts += 1;
        await super.put(key, body, contentType);
      }
    }
    const store = new CountingStore(options);
    const body = Buffer.from('\xff\xd8\xff same ID card twice');
    const first = await storeContent(store, body, 'image/jpeg');
    const second = await storeContent(store, body, 'image/jpeg');
    expect(second).toBe(first);
    expect(store.puts).toBe(1);
  });

  it('is refused with a wrong secret or an unknown access key', async () => {
    const wrongSecret = new S3BlobStore({ ...options, secretKey: 'not-the-secret' });
    const put = await refusalOf(wrongSecret.put('k/1', Buffer.from('x'), 'text/plain'));
    expect(put).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    const get = await refusalOf(wrongSecret.get('k/1'));
    expect(get).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    const wrongKey = new S3BlobStore({ ...options, accessKey: 'SOMEONEELSE' });
    expect(await refusalOf(wrongKey.get('k/1'))).toMatchObject({ status: 403, code: 'InvalidAccessKeyId' });
  });

  it('is refused with a clock far off, in another region, or on a missing bucket', async () => {
    const late = new S3BlobStore({ ...options, now: () => new Date(Date.now() - 20 * 60_000) });
    expect(await refusalOf(late.get('k/1'))).toMatchObject({ status: 403, code: 'RequestTimeTooSkewed' });
    const elsewhere = new S3BlobStore({ ...options, region: 'us-east-1' });
    expect(await refusalOf(elsewhere.get('k/1'))).toMatchObject({ code: 'AuthorizationHeaderMalformed' });
    const noBucket = new S3BlobStore({ ...options, bucket: 'no-such-bucket' });
    expect(await refusalOf(noBucket.get('k/1'))).toMatchObject({ status: 404, code: 'NoSuchBucket' });
  });

  it('reports an unreachable store', async () => {
    const closed = new S3BlobStore({ ...options, endpoint: 'http://127.0.0.1:1' });
    expect(await refusalOf(closed.get('k/1'))).toMatchObject({ code: 'Unreachable' });
  });
});

describe('S3 simulator signature checks on the wire', () => {
  function signedPut(key: string, body: Buffer) {
    const url = new URL(`${simulator.url}/case-documents/${key}`);
    const payloadHash = sha256Hex(body);
    const headers = signRequest({
      method: 'PUT',
      url,
      headers: { 'content-type': 'text/plain', 'x-amz-content-sha256': payloadHash },
      payloadHash,
      region: 'ir-thr-1',
      service: 's3',
      credentials,
    });
    return { url, headers };
  }

  it('refuses a body changed after signing: the payload hash no longer matches', async () => {
    const { url, headers } = signedPut('tamper/1', Buffer.from('the deed says parcel 12'));
    const response = await fetch(url, { method: 'PUT', headers, body: 'the deed says parcel 13' });
    expect(response.status).toBe(400);
    const xml = await response.text();
    expect(xml).toContain('<Error><Code>XAmzContentSHA256Mismatch</Code>');
  });

  it('refuses a payload hash changed after signing', async () => {
    const forged = Buffer.from('the deed says parcel 13');
    const { url, headers } = signedPut('tamper/2', Buffer.from('the deed says parcel 12'));
    headers['x-amz-content-sha256'] = sha256Hex(forged);
    const response = await fetch(url, { method: 'PUT', headers, body: forged });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('refuses anonymous requests and unsigned x-amz headers, answering in S3 XML', async () => {
    const anonymous = await fetch(`${simulator.url}/case-documents/k/1`);
    expect(anonymous.status).toBe(403);
    expect(anonymous.headers.get('content-type')).toContain('application/xml');
    expect(await anonymous.text()).toMatch(/^<\?xml[^>]*>\n<Error><Code>AccessDenied<\/Code><Message>/);

    const url = new URL(`${simulator.url}/case-documents/k/1`);
    const headers = signRequest({
      method: 'GET',
      url,
      headers: { 'x-amz-content-sha256': EMPTY_SHA256 },
      payloadHash: EMPTY_SHA256,
      region: 'ir-thr-1',
      service: 's3',
      credentials,
    });
    const smuggled = await fetch(url, { headers: { ...headers, 'x-amz-acl': 'public-read' } });
    expect(smuggled.status).toBe(403);
  });

  it('answers a missing key with NoSuchKey', async () => {
    const url = new URL(`${simulator.url}/case-documents/k/missing`);
    const headers = signRequest({
      method: 'GET',
      url,
      headers: { 'x-amz-content-sha256': EMPTY_SHA256 },
      payloadHash: EMPTY_SHA256,
      region: 'ir-thr-1',
      service: 's3',
      credentials,
    });
    const response = await fetch(url, { headers });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('<Code>NoSuchKey</Code>');
  });
});
