import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './signature.js';

// The test vector of the Standard Webhooks specification (its reference libraries check the same one).
const vector = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const at = new Date(vector.timestamp * 1000);
const headers = {
  'webhook-id': vector.id,
  'webhook-timestamp': String(vector.timestamp),
  'webhook-signature': vector.signature,
};

describe('Standard Webhooks signatures', () => {
  it('signs the specification vector as the reference libraries do', () => {
    expect(signWebhook(vector.secret, vector.id, vector.timestamp, vector.body)).toBe(vector.signature);
  });

  it('accepts a valid delivery, from Node headers or fetch Headers, also among several signatures', () => {
    expect(verifyWebhookSignature(vector.secret, headers, vector.body, 300, at)).toEqual({
      valid: true,
      id: vector.id,
      timestamp: vector.timestamp,
    });
    const several = new Headers({ ...headers, 'webhook-signature': `v1,AAAA ${vector.signature}` });
    expect(verifyWebhookSignature(vector.secret, several, Buffer.from(vector.body), 300, at).valid).toBe(
      true,
    );
  });

  it('refuses a changed body, another secret, a stale timestamp and missing headers', () => {
    const refused = (reason: string) => ({ valid: false, reason });
    expect(verifyWebhookSignature(vector.secret, headers, '{"test": 2432232315}', 300, at)).toEqual(
      refused('bad_signature'),
    );
    expect(verifyWebhookSignature('whsec_c2VjcmV0LW9mLWFub3RoZXI=', headers, vector.body, 300, at)).toEqual(
      refused('bad_signature'),
    );
    const later = new Date(at.getTime() + 301_000);
    expect(verifyWebhookSignature(vector.secret, headers, vector.body, 300, later)).toEqual(
      refused('timestamp_out_of_tolerance'),
    );
    const { 'webhook-id': _, ...withoutId } = headers;
    expect(verifyWebhookSignature(vector.secret, withoutId, vector.body, 300, at)).toEqual(
      refused('missing_headers'),
    );
  });
});
