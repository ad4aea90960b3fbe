import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * Standard Webhooks signatures (https://www.standardwebhooks.com): HMAC-SHA256, keyed with the base64 part of a
 * "whsec_…" secret, over "<webhook-id>.<webhook-timestamp>.<raw body>", sent as "v1,<base64>" in the
 * webhook-signature header (several, space-separated, may be present). The server signs with it; a receiver
 * verifies with `verifyWebhookSignature` (Node 20+, no dependencies).
 */

const SECRET_PREFIX = 'whsec_';

function keyOf(secret: string): Buffer {
  return Buffer.from(
    secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret,
    'base64',
  );
}

/** The webhook-signature header value for one delivery attempt: "v1,<base64 HMAC-SHA256>". */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', keyOf(secret))
    .update(`${id}.${timestampSeconds}.${body}`)
    .digest('base64');
  return `v1,${mac}`;
}

export type WebhookHeaders =
  | { get(name: string): string | null }
  | Record<string, string | string[] | undefined>;

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof headers.get === 'function')
    return (headers as { get(n: string): string | null }).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const value = record[name] ?? record[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export type WebhookVerification =
  | { valid: true; id: string; timestamp: number }
  | { valid: false; reason: 'missing_headers' | 'timestamp_out_of_tolerance' | 'bad_signature' };

/**
 * Checks a delivery as a receiver gets it: the three headers, the raw body (exactly as received, before any JSON
 * parsing) and the endpoint's secret. Refuses a timestamp more than `toleranceSeconds` away from `now` (replays).
 */
export function verifyWebhookSignature(
  secret: string,
  headers: WebhookHeaders,
  body: string | Buffer,
  toleranceSeconds = 300,
  now: Date = new Date(),
): WebhookVerification {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures || !/^\d+$/.test(timestamp))
    return { valid: false, reason: 'missing_headers' };
  const seconds = Number(timestamp);
  if (Math.abs(now.getTime() / 1000 - seconds) > toleranceSeconds)
    return { valid: false, reason: 'timestamp_out_of_tolerance' };
  const expected = Buffer.from(signWebhook(secret, id, seconds, body.toString()));
  for (const candidate of signatures.split(' ')) {
    const given = Buffer.from(candidate);
    if (given.length === expected.length && timingSafeEqual(given, expected))
      return { valid: true, id, timestamp: seconds };
  }
  return { valid: false, reason: 'bad_signature' };
}
