import { createHash, createHmac } from 'node:crypto';

/** The hash of an empty payload, signed on GET, HEAD and DELETE. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** An access key pair. */
export interface SigV4Credentials {
  accessKey: string;
  secretKey: string;
}

/** What a canonical request is made of, already in canonical form except for header values. */
export interface CanonicalParts {
  method: string;
  /** URI-encoded path, e.g. `/bucket/sha256/ab/cd/abcd…`. */
  path: string;
  /** Canonical query string (see `canonicalQuery`), empty when there is none. */
  query: string;
  /** Lower-case names of the signed headers with their values. */
  headers: Record<string, string>;
  payloadHash: string;
}

/** RFC 3986 percent-encoding as SigV4 wants it: only A-Z a-z 0-9 - . _ ~ are left as they are. */
export function uriEncode(value: string, keepSlash = false): string {
  const encoded = encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return keepSlash ? encoded.replace(/%2F/g, '/') : encoded;
}

/** The canonical query string of a raw `?a=1&b=2` query: pairs encoded, then sorted by name and value. */
export function canonicalQuery(rawQuery: string): string {
  const query = rawQuery.startsWith('?') ? rawQuery.slice(1) : rawQuery;
  if (query === '') return '';
  return query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const at = pair.indexOf('=');
      const name = at < 0 ? pair : pair.slice(0, at);
      const value = at < 0 ? '' : pair.slice(at + 1);
      return [uriEncode(decodeURIComponent(name)), uriEncode(decodeURIComponent(value))] as const;
    })
    .sort(([an, av], [bn, bv]) => (an === bn ? compare(av, bv) : compare(an, bn)))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted, semicolon-separated lower-case names of the signed headers. */
export function signedHeaderNames(headers: Record<string, string>): string {
  return Object.keys(headers)
    .map((name) => name.toLowerCase())
    .sort()
    .join(';');
}

/** The canonical request: method, path, query, headers, signed header names and payload hash, one a line. */
export function canonicalRequest(parts: CanonicalParts): string {
  const names = Object.keys(parts.headers).sort();
  const headerLines = names
    .map((name) => `${name}:${parts.headers[name].trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  return [parts.method, parts.path, parts.query, headerLines, names.join(';'), parts.payloadHash].join('\n');
}

/** `YYYYMMDDTHHMMSSZ`, the form of the x-amz-date header. */
export function amzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The string to sign for a request at `amzDate` (YYYYMMDDTHHMMSSZ) within `scope`. */
export function stringToSign(amzDateValue: string, scope: string, canonical: string): string {
  const hash = createHash('sha256').update(canonical, 'utf8').digest('hex');
  return ['AWS4-HMAC-SHA256', amzDateValue, scope, hash].join('\n');
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** The signing key for one day (YYYYMMDD), region and service. */
export function signingKey(secretKey: string, day: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secretKey}`, day), region), service), 'aws4_request');
}

/** The hex signature of a canonical request. */
export function signature(
  secretKey: string,
  amzDateValue: string,
  region: string,
  service: string,
  canonical: string,
): string {
  const day = amzDateValue.slice(0, 8);
  const scope = `${day}/${region}/${service}/aws4_request`;
  const key = signingKey(secretKey, day, region, service);
  return createHmac('sha256', key)
    .update(stringToSign(amzDateValue, scope, canonical), 'utf8')
    .digest('hex');
}

/** What to sign one request with. */
export interface SignInput {
  method: string;
  url: URL;
  /** Extra headers to sign and send (e.g. x-amz-content-sha256, content-type); host and x-amz-date are added. */
  headers: Record<string, string>;
  payloadHash: string;
  region: string;
  service: string;
  credentials: SigV4Credentials;
  now?: Date;
}

/** Signs a request (AWS Signature Version 4, Authorization header); returns the headers to send. */
export function signRequest(input: SignInput): Record<string, string> {
  const date = amzDate(input.now ?? new Date());
  const headers: Record<string, string> = { host: input.url.host, 'x-amz-date': date };
  for (const [name, value] of Object.entries(input.headers)) headers[name.toLowerCase()] = value;
  // URL has already percent-encoded the path; decode per segment so the canonical form is exactly RFC 3986.
  const path = input.url.pathname
    .split('/')
    .map((segment) => uriEncode(decodeURIComponent(segment)))
    .join('/');
  const canonical = canonicalRequest({
    method: input.method,
    path,
    query: canonicalQuery(input.url.search),
    headers,
    payloadHash: input.payloadHash,
  });
  const sig = signature(input.credentials.secretKey, date, input.region, input.service, canonical);
  const scope = `${date.slice(0, 8)}/${input.region}/${input.service}/aws4_request`;
  const { host: _host, ...toSend } = headers;
  return {
    ...toSend,
    authorization:
      `AWS4-HMAC-SHA256 Credential=${input.credentials.accessKey}/${scope}, ` +
      `SignedHeaders=${signedHeaderNames(headers)}, Signature=${sig}`,
  };
}
