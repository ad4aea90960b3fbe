import { type BlobStore, StorageError, sha256Hex } from './blob-store.js';
import { EMPTY_SHA256, signRequest, uriEncode } from './sigv4.js';

/** Where and as whom to reach an S3-compatible bucket. */
export interface S3BlobStoreOptions {
  /** Base URL of the service, e.g. `https://s3.ir-thr-at1.arvanstorage.ir` or `http://127.0.0.1:9000`. */
  endpoint: string;
  region: string;
  bucket: string;
  accessKey: string;
  secretKey: string;
  timeoutMs?: number;
  now?: () => Date;
}

function xmlField(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
}

/**
 * Blobs in an S3-compatible bucket (AWS, MinIO, Arvan, Ceph…) over plain fetch: path-style URLs
 * (`endpoint/bucket/key`), every request signed with SigV4 including the payload hash.
 */
export class S3BlobStore implements BlobStore {
  private readonly base: string;

  constructor(private readonly options: S3BlobStoreOptions) {
    this.base = options.endpoint.replace(/\/+$/, '');
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    const response = await this.send('PUT', key, body, { 'content-type': contentType });
    if (!response.ok) throw await this.failure('PUT', key, response);
  }

  async get(key: string): Promise<Buffer | null> {
    const response = await this.send('GET', key);
    if (response.ok) return Buffer.from(await response.arrayBuffer());
    const error = await this.failure('GET', key, response);
    if (error.code === 'NoSuchKey') return null;
    throw error;
  }

  async head(key: string): Promise<{ size: number } | null> {
    const response = await this.send('HEAD', key);
    // A HEAD error has no body to tell a missing key from a missing bucket; both are "not there".
    if (response.status === 404) return null;
    if (!response.ok) throw await this.failure('HEAD', key, response);
    return { size: Number(response.headers.get('content-length') ?? 0) };
  }

  async delete(key: string): Promise<void> {
    const response = await this.send('DELETE', key);
    if (!response.ok) throw await this.failure('DELETE', key, response);
  }

  private async send(
    method: string,
    key: string,
    body?: Buffer,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const path = key
      .split('/')
      .map((segment) => uriEncode(segment))
      .join('/');
    const url = new URL(`${this.base}/${uriEncode(this.options.bucket)}/${path}`);
    const payloadHash = body ? sha256Hex(body) : EMPTY_SHA256;
    const signed = signRequest({
      method,
      url,
      headers: { ...headers, 'x-amz-content-sha256': payloadHash },
      payloadHash,
      region: this.options.region,
      service: 's3',
      credentials: this.options,
      now: this.options.now?.(),
    });
    try {
      return await fetch(url, {
        method,
        headers: signed,
        // Node's Buffers sit on plain ArrayBuffers; the DOM typing only fears a SharedArrayBuffer.
        body: body as Uint8Array<ArrayBuffer> | undefined,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (err) {
      throw new StorageError(
        `S3 store unreachable at ${url.origin}: ${(err as Error).message}`,
        'Unreachable',
      );
    }
  }

  private async failure(method: string, key: string, response: Response): Promise<StorageError> {
    const xml = method === 'HEAD' ? '' : await response.text().catch(() => '');
    const code = xmlField(xml, 'Code') ?? `HTTP${response.status}`;
    const message = xmlField(xml, 'Message') ?? response.statusText;
    return new StorageError(
      `S3 ${method} ${key} failed: ${response.status} ${code} ${message}`,
      code,
      response.status,
    );
  }
}
