import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { type ReceivedRequest, verifySigV4 } from './s3-auth.js';
import type { SigV4Credentials } from './sigv4.js';

/** How the simulated S3 service is set up. */
export interface S3SimulatorOptions {
  region: string;
  credentials: SigV4Credentials;
  buckets: string[];
  /** Largest object accepted, in bytes (default 64 MiB). */
  maxObjectBytes?: number;
  /** The simulator's clock, for the request-time skew check. */
  now?: () => Date;
}

interface StoredObject {
  body: Buffer;
  contentType: string;
  etag: string;
  lastModified: Date;
}

function xmlEscape(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function sendError(
  reply: FastifyReply,
  method: string,
  status: number,
  code: string,
  message: string,
  resource: string,
) {
  const requestId = randomBytes(8).toString('hex').toUpperCase();
  reply.code(status).header('x-amz-request-id', requestId);
  if (method === 'HEAD') return reply.send();
  return reply
    .type('application/xml')
    .send(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        `<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message>` +
        `<Resource>${xmlEscape(resource)}</Resource><RequestId>${requestId}</RequestId></Error>`,
    );
}

/**
 * A small S3-compatible object store for tests and development: path-style PUT, GET, HEAD and DELETE of
 * objects in a fixed set of buckets, kept in memory, every request checked with SigV4 as S3 does, errors as
 * S3's XML. A stand-in for MinIO or AWS so the adapter under test is the one production uses.
 */
export function buildS3Simulator(options: S3SimulatorOptions): FastifyInstance {
  const app = Fastify({
    logger: false,
    exposeHeadRoutes: false,
    bodyLimit: options.maxObjectBytes ?? 64 << 20,
  });
  const objects = new Map<string, StoredObject>();
  const buckets = new Set(options.buckets);

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.route({
    method: ['GET', 'HEAD', 'PUT', 'DELETE'],
    url: '/*',
    handler: async (request, reply) => {
      const rawUrl = request.raw.url ?? '/';
      const resource = rawUrl.split('?')[0];
      const fail = (status: number, code: string, message: string) =>
        sendError(reply, request.method, status, code, message, resource);
      const received: ReceivedRequest = {
        method: request.method,
        rawUrl,
        headers: request.headers,
        body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
      };
      const refusal = verifySigV4(received, {
        credentials: options.credentials,
        region: options.region,
        now: options.now?.(),
      });
      if (refusal) return fail(refusal.status, refusal.code, refusal.message);

      const [, bucketPart = '', ...keyParts] = resource.split('/');
      const bucket = decodeURIComponent(bucketPart);
      const key = keyParts.map((part) => decodeURIComponent(part)).join('/');
      if (!buckets.has(bucket)) return fail(404, 'NoSuchBucket', 'The specified bucket does not exist');
      if (key === '') return fail(501, 'NotImplemented', 'Only object operations are simulated');
      const id = `${bucket}/${key}`;

      if (request.method === 'PUT') {
        const etag = `"${createHash('md5').update(received.body).digest('hex')}"`;
        const contentType = request.headers['content-type'] ?? 'binary/octet-stream';
        objects.set(id, { body: received.body, contentType, etag, lastModified: new Date() });
        return reply.code(200).header('etag', etag).send();
      }
      if (request.method === 'DELETE') {
        objects.delete(id);
        return reply.code(204).send();
      }
      const object = objects.get(id);
      if (!object) return fail(404, 'NoSuchKey', 'The specified key does not exist.');
      reply
        .header('content-type', object.contentType)
        .header('content-length', String(object.body.length))
        .header('etag', object.etag)
        .header('last-modified', object.lastModified.toUTCString());
      return request.method === 'HEAD' ? reply.send() : reply.send(object.body);
    },
  });

  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, request, reply) => {
    const tooLarge = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE';
    const status = tooLarge ? 400 : (error.statusCode ?? 500);
    const code = tooLarge ? 'EntityTooLarge' : status < 500 ? 'InvalidRequest' : 'InternalError';
    return sendError(reply, request.method, status, code, error.message, request.url);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(
      reply,
      request.method,
      405,
      'MethodNotAllowed',
      'The specified method is not allowed',
      request.url,
    ),
  );
  return app;
}

/** Starts a simulator on 127.0.0.1 (port 0: any free port); returns its base URL and how to stop it. */
export async function startS3Simulator(
  options: S3SimulatorOptions & { port?: number },
): Promise<{ url: string; app: FastifyInstance; close: () => Promise<void> }> {
  const app = buildS3Simulator(options);
  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, app, close: () => app.close() };
}
