import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { isPublicAddress } from './callback-url.js';

export interface PostResult {
  /** The receiver's HTTP status, or null when there was no answer (timeout, refused, reset). */
  status: number | null;
  error: string | null;
}

export class BlockedAddressError extends Error {}

/** A DNS lookup that refuses non-public answers: the check happens on the address the socket connects to. */
function guardedLookup(
  hostname: string,
  options: { all?: boolean },
  callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const blocked = addresses.find((a) => !isPublicAddress(a.address));
    if (blocked) return callback(new BlockedAddressError(`${hostname} resolves to a non-public address`), []);
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    if (!first) return callback(new Error(`${hostname} has no address`), []);
    callback(null, first.address, first.family);
  });
}

/**
 * POSTs one webhook body and reports what the receiver answered. Redirects are not followed (a 3xx is a failure),
 * the response body is ignored, and the whole exchange is cut off after `timeoutMs`.
 */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; allowPrivateNetworks: boolean },
): Promise<PostResult> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (!options.allowPrivateNetworks && isIP(host) && !isPublicAddress(host))
    return Promise.resolve({ status: null, error: 'refused: non-public address' });
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        signal: AbortSignal.timeout(options.timeoutMs),
        ...(options.allowPrivateNetworks ? {} : { lookup: guardedLookup }),
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? null, error: null }));
        response.on('error', (err) => resolve({ status: response.statusCode ?? null, error: err.message }));
      },
    );
    request.on('error', (err) => {
      const reason =
        err.name === 'AbortError' || err.name === 'TimeoutError'
          ? `no answer within ${options.timeoutMs / 1000} s`
          : err instanceof BlockedAddressError
            ? `refused: ${err.message}`
            : err.message;
      resolve({ status: null, error: reason });
    });
    request.end(body);
  });
}
