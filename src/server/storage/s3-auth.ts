import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { sha256Hex } from './blob-store.js';
import {
  amzDate,
  canonicalQuery,
  canonicalRequest,
  type SigV4Credentials,
  signature,
  uriEncode,
} from './sigv4.js';

/** A request as the server received it: method, raw URL (path and query), headers and body bytes. */
export interface ReceivedRequest {
  method: string;
  rawUrl: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Why S3 refused a request: HTTP status and S3 error code. */
export interface S3Refusal {
  status: number;
  code: string;
  message: string;
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;
const MAX_SKEW_MS = 15 * 60_000;

function refuse(status: number, code: string, message: string): S3Refusal {
  return { status, code, message };
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function parseAmzDate(value: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return null;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
  return Number.isNaN(date.getTime()) || amzDate(date) !== value ? null : date;
}

/**
 * Checks a request the way S3 does with header-based SigV4: it rebuilds the canonical request from what
 * arrived on the wire, recomputes the signature with its own copy of the secret, then checks the payload hash
 * against the body. Returns null when the request is authentic.
 */
export function verifySigV4(
  request: ReceivedRequest,
  expected: { credentials: SigV4Credentials; region: string; now?: Date },
): S3Refusal | null {
  const authorization = headerValue(request.headers, 'authorization');
  if (!authorization) return refuse(403, 'AccessDenied', 'Anonymous access is forbidden');
  const m = AUTHORIZATION.exec(authorization);
  if (!m) return refuse(400, 'AuthorizationHeaderMalformed', 'The authorization header is malformed');
  const [, accessKey, day, region, service, signedHeaders, claimed] = m;
  if (accessKey !== expected.credentials.accessKey) {
    return refuse(403, 'InvalidAccessKeyId', 'The access key ID you provided does not exist in our records');
  }
  if (region !== expected.region || service !== 's3') {
    return refuse(
      400,
      'AuthorizationHeaderMalformed',
      `The region or service is wrong; expecting '${expected.region}' and 's3'`,
    );
  }
  const dateHeader = headerValue(request.headers, 'x-amz-date') ?? '';
  const date = parseAmzDate(dateHeader);
  if (!date) return refuse(403, 'AccessDenied', 'AWS authentication requires a valid x-amz-date header');
  if (dateHeader.slice(0, 8) !== day) {
    return refuse(400, 'AuthorizationHeaderMalformed', 'The credential date does not match x-amz-date');
  }
  if (Math.abs(date.getTime() - (expected.now ?? new Date()).getTime()) > MAX_SKEW_MS) {
    return refuse(
      403,
      'RequestTimeTooSkewed',
      'The difference between the request time and the current time is too large',
    );
  }
  const names = signedHeaders.split(';');
  const unsigned = Object.keys(request.headers).filter((n) => n.startsWith('x-amz-') && !names.includes(n));
  if (!names.includes('host') || unsigned.length > 0) {
    return refuse(403, 'AccessDenied', 'Host and every x-amz-* header must be signed');
  }
  const payloadHash = headerValue(request.headers, 'x-amz-content-sha256');
  if (!payloadHash) {
    return refuse(400, 'InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');
  }
  if (payloadHash !== 'UNSIGNED-PAYLOAD' && !/^[0-9a-f]{64}$/.test(payloadHash)) {
    return refuse(
      400,
      'InvalidArgument',
      'x-amz-content-sha256 must be UNSIGNED-PAYLOAD or a SHA-256 hex digest',
    );
  }

  const at = request.rawUrl.indexOf('?');
  const rawPath = at < 0 ? request.rawUrl : request.rawUrl.slice(0, at);
  let path: string;
  let query: string;
  try {
    path = rawPath
      .split('/')
      .map((segment) => uriEncode(decodeURIComponent(segment)))
      .join('/');
    query = canonicalQuery(at < 0 ? '' : request.rawUrl.slice(at));
  } catch {
    return refuse(400, 'InvalidURI', 'Could not parse the specified URI');
  }
  const headers: Record<string, string> = {};
  for (const name of names) headers[name] = headerValue(request.headers, name) ?? '';
  const canonical = canonicalRequest({ method: request.method, path, query, headers, payloadHash });
  const computed = signature(expected.credentials.secretKey, dateHeader, region, service, canonical);
  if (!timingSafeEqual(Buffer.from(computed), Buffer.from(claimed))) {
    return refuse(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided',
    );
  }
  if (payloadHash !== 'UNSIGNED-PAYLOAD' && sha256Hex(request.body) !== payloadHash) {
    return refuse(
      400,
      'XAmzContentSHA256Mismatch',
      "The provided 'x-amz-content-sha256' header does not match what was computed",
    );
  }
  return null;
}
