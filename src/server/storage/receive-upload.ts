// The type import also brings @fastify/multipart's request.file() and isMultipart() declarations.
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';

/** The file part of a multipart request, read into memory. */
export interface ReceivedUpload {
  ok: true;
  bytes: Buffer;
  /** The name the client gave the file: for display only, never trusted for its type. */
  declaredName: string;
  fieldName: string;
  /** Plain form fields sent before the file part. */
  fields: Record<string, string>;
}

/** Why nothing usable was received. */
export type ReceiveRefusal = 'not_multipart' | 'no_file' | 'too_large';

/**
 * Reads the first file part of a multipart request (the route's plugin is `@fastify/multipart`) into memory,
 * stopping at `maxBytes` whatever Content-Length claims; a larger file is drained and reported `too_large`.
 * Check the bytes with `checkUpload` before storing them.
 */
export async function receiveUpload(
  request: FastifyRequest,
  options: { maxBytes: number },
): Promise<ReceivedUpload | { ok: false; rule: ReceiveRefusal }> {
  if (!request.isMultipart()) return { ok: false, rule: 'not_multipart' };
  const part: MultipartFile | undefined = await request.file({
    limits: { fileSize: options.maxBytes, files: 1 },
    throwFileSizeLimit: false,
  });
  if (!part) return { ok: false, rule: 'no_file' };

  const chunks: Buffer[] = [];
  let size = 0;
  // Read to the end even past the limit: busboy then discards the rest, and the request is consumed.
  for await (const chunk of part.file as AsyncIterable<Buffer>) {
    if (size <= options.maxBytes) chunks.push(chunk);
    size += chunk.length;
  }
  if (part.file.truncated || size > options.maxBytes) return { ok: false, rule: 'too_large' };

  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first?.type === 'field' && typeof first.value === 'string') fields[name] = first.value;
  }
  return {
    ok: true,
    bytes: Buffer.concat(chunks, size),
    declaredName: part.filename ?? '',
    fieldName: part.fieldname,
    fields,
  };
}
