import { createPrivateKey, generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { CompactSign } from 'jose';
import type { CertificateClaims, CertificateJwk } from '../../../shared/certificates/index.js';
import type { Db } from '../../db/schema.js';
import { openPrivateKey, sealPrivateKey } from './key-encryption.js';
import { findCurrentKey, insertCurrentKeyIfNone, retireCurrentKey } from './key-repository.js';

export interface SigningKey {
  id: string;
  kid: string;
  key: KeyObject;
}

function newKid(municipalityCode: string, at: Date): string {
  const day = at.toISOString().slice(0, 10).replaceAll('-', '');
  return `${municipalityCode}-${day}-${randomBytes(3).toString('hex')}`;
}

/**
 * The municipalities' Ed25519 signing keys: created on a municipality's first certificate, rotated on request,
 * never deleted. Private keys are decrypted only here, once per key and process, and never leave the server.
 * Built once per app from CERTIFICATE_KEY_SECRET; other modules receive it through `app.certificateKeys`.
 */
export class CertificateKeyring {
  private readonly opened = new Map<string, KeyObject>();

  constructor(private readonly secret: string | undefined) {}

  get encryptsKeys(): boolean {
    return Boolean(this.secret);
  }

  private async createKey(
    trx: Db,
    municipality: { id: string; code: string },
    at: Date,
    createdBy: string | null,
  ) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const jwk = publicKey.export({ format: 'jwk' });
    const kid = newKid(municipality.code, at);
    const publicJwk: CertificateJwk = {
      kty: 'OKP',
      crv: 'Ed25519',
      x: String(jwk.x),
      kid,
      alg: 'EdDSA',
      use: 'sig',
      mun: municipality.code,
    };
    const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
    return insertCurrentKeyIfNone(trx, {
      municipality_id: municipality.id,
      kid,
      public_jwk: JSON.stringify(publicJwk),
      private_key: sealPrivateKey(pkcs8, this.secret),
      created_by: createdBy,
      at,
    });
  }

  /** The municipality's current key, created on first use. */
  async currentKey(trx: Db, municipality: { id: string; code: string }, at: Date): Promise<SigningKey> {
    let row = await findCurrentKey(trx, municipality.id);
    if (!row) {
      await this.createKey(trx, municipality, at, null);
      row = await findCurrentKey(trx, municipality.id);
    }
    if (!row) throw new Error('no current certificate signing key');
    let key = this.opened.get(row.id);
    if (!key) {
      key = createPrivateKey({
        key: openPrivateKey(row.private_key, this.secret),
        format: 'der',
        type: 'pkcs8',
      });
      this.opened.set(row.id, key);
    }
    return { id: row.id, kid: row.kid, key };
  }

  /** Retires the current key (it stays published) and makes a new one current. */
  async rotate(trx: Db, municipality: { id: string; code: string }, at: Date, createdBy: string | null) {
    const retired = await retireCurrentKey(trx, municipality.id, at);
    await this.createKey(trx, municipality, at, createdBy);
    const current = await this.currentKey(trx, municipality, at);
    return { retiredKid: retired?.kid ?? null, kid: current.kid };
  }

  /** The compact JWS of a certificate's claims. */
  sign(claims: CertificateClaims, key: SigningKey): Promise<string> {
    return new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
      .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
      .sign(key.key);
  }
}
