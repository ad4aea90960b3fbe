import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/*
 * Private signing keys at rest. With CERTIFICATE_KEY_SECRET set (required in production), each PKCS#8 key is
 * sealed with AES-256-GCM under a key derived from the secret (HKDF-SHA256), so a copy of the database alone
 * cannot sign certificates. Without it (development, tests) keys are stored as "plain:" and the server says so
 * at start. Changing the secret makes the stored keys unusable: rotate keys after setting a new secret
 * (docs/certificates.md).
 */

const PREFIX = 'aes256gcm';

/** What a sealed value is for: each purpose gets its own derived key (webhook secrets reuse this sealing). */
export type SealPurpose = 'certificate-signing-keys' | 'webhook-secrets';

function keyFrom(secret: string, purpose: SealPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'shahrvand', purpose, 32));
}

export function sealPrivateKey(
  pkcs8: Buffer,
  secret: string | undefined,
  purpose: SealPurpose = 'certificate-signing-keys',
): string {
  if (!secret) return `plain:${pkcs8.toString('base64url')}`;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret, purpose), iv);
  const sealed = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return [
    PREFIX,
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    sealed.toString('base64url'),
  ].join(':');
}

export class SealedKeyError extends Error {}

export function openPrivateKey(
  stored: string,
  secret: string | undefined,
  purpose: SealPurpose = 'certificate-signing-keys',
): Buffer {
  if (stored.startsWith('plain:')) return Buffer.from(stored.slice('plain:'.length), 'base64url');
  const [prefix, iv, tag, sealed] = stored.split(':');
  if (prefix !== PREFIX || !iv || !tag || !sealed) throw new SealedKeyError('unknown private key format');
  if (!secret)
    throw new SealedKeyError('this signing key is encrypted but CERTIFICATE_KEY_SECRET is not set');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret, purpose), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]);
  } catch {
    throw new SealedKeyError(
      'CERTIFICATE_KEY_SECRET does not open this signing key (was the secret changed?)',
    );
  }
}
