import { randomBytes } from 'node:crypto';
import { openPrivateKey, sealPrivateKey } from '../certificates/key-encryption.js';

/** A Standard Webhooks signing secret: "whsec_" and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** Sealed with CERTIFICATE_KEY_SECRET under its own derived key; stored plain where no key secret is set. */
export function sealWebhookSecret(secret: string, keySecret: string | undefined): string {
  return sealPrivateKey(Buffer.from(secret, 'utf8'), keySecret, 'webhook-secrets');
}

export function openWebhookSecret(stored: string, keySecret: string | undefined): string {
  return openPrivateKey(stored, keySecret, 'webhook-secrets').toString('utf8');
}
