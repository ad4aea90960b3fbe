import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveUpload } from './receive-upload.js';
import { checkUpload } from './sniff-content.js';

const MAX = 1024;
let app: FastifyInstance;

beforeAll(async () => {
  app = Fastify();
  await app.register(multipart, { limits: { fileSize: MAX, files: 1, fields: 10, parts: 12 } });
  app.post('/upload', async (request, reply) => {
    const received = await receiveUpload(request, { maxBytes: MAX });
    if (!received.ok) return reply.code(received.rule === 'too_large' ? 413 : 400).send(received);
    const checked = checkUpload({
      bytes: received.bytes,
      declaredName: received.declaredName,
      accept: ['pdf', 'jpeg', 'png'],
      maxBytes: MAX,
    });
    if (!checked.ok) return reply.code(checked.rule === 'too_large' ? 413 : 415).send(checked);
    const { fieldName, fields } = received;
    return { ...checked, fieldName, fields };
  });
  await app.ready();
});

afterAll(async () => {
  await app.close();
});

function multipartBody(file: { name: string; bytes: Buffer } | null, fields: Record<string, string> = {}) {
  const boundary = '----shahrvand-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="document"; filename="${file.name}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

function pdfOf(size: number): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, 0x20)]);
}

describe('receiving an upload', () => {
  it('accepts a file of exactly the limit, with its fields', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/upload',
      ...multipartBody({ name: 'سند.pdf', bytes: pdfOf(MAX) }, { kind: 'deed' }),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      ok: true,
      size: MAX,
      contentType: 'application/pdf',
      fileName: 'سند.pdf',
      fieldName: 'document',
      fields: { kind: 'deed' },
    });
  });

  it('refuses one byte over the limit, whatever the request claims', async () => {
    for (const extra of [1, 100_000]) {
      const response = await app.inject({
        method: 'POST',
        url: '/upload',
        ...multipartBody({ name: 'big.pdf', bytes: pdfOf(MAX + extra) }),
      });
      expect(response.statusCode).toBe(413);
      expect(response.json()).toEqual({ ok: false, rule: 'too_large' });
    }
  });

  it('checks the content, not the name', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);
    const response = await app.inject({
      method: 'POST',
      url: '/upload',
      ...multipartBody({ name: 'plan.pdf', bytes: exe }),
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toEqual({ ok: false, rule: 'type_not_allowed', detected: 'executable' });
  });

  it('says when there is no file or no multipart body', async () => {
    const noFile = await app.inject({
      method: 'POST',
      url: '/upload',
      ...multipartBody(null, { kind: 'deed' }),
    });
    expect(noFile.json()).toEqual({ ok: false, rule: 'no_file' });
    const json = await app.inject({ method: 'POST', url: '/upload', payload: { document: '%PDF-' } });
    expect(json.json()).toEqual({ ok: false, rule: 'not_multipart' });
  });

  it('refuses an empty file', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/upload',
      ...multipartBody({ name: 'empty.pdf', bytes: Buffer.alloc(0) }),
    });
    expect(response.json()).toEqual({ ok: false, rule: 'empty' });
  });
});
