import {
  type CertificateJwk,
  type CertificateJwks,
  decodeKidOf,
  normalizeCertificateNumber,
  type OfflineFailure,
  verifyCertificateOffline,
} from '../../../shared/certificates/index.js';
import type { Db } from '../../db/schema.js';
import { type CertificateContent, claimsOf } from './content.js';
import { findKeyByKid, listPublishedKeys } from './key-repository.js';
import { presentPublicFacts, resultOf, type VerificationResult } from './presenter.js';
import { findCertificateForVerification } from './repository.js';

// Public keys by kid. A key never changes once made and is never deleted, so a key found once is kept; a kid not
// found is not remembered, so a key made by another server process is found on its first use.
const publicKeys = new Map<string, CertificateJwk>();

async function publicKeyOf(db: Db, kid: string | null): Promise<CertificateJwk | null> {
  if (!kid) return null;
  const known = publicKeys.get(kid);
  if (known) return known;
  const row = await findKeyByKid(db, kid);
  if (!row) return null;
  const jwk = row.public_jwk as unknown as CertificateJwk;
  publicKeys.set(kid, jwk);
  return jwk;
}

/** Every municipality's keys, current and retired: what /.well-known/jwks.json publishes. */
export async function publishedJwks(db: Db): Promise<CertificateJwks> {
  const rows = await listPublishedKeys(db);
  return { keys: rows.map((row) => row.public_jwk as unknown as CertificateJwk) };
}

/** Typed number → valid / expired / revoked / unknown, with the key facts. */
export async function verifyCertificateNumber(db: Db, input: { number: string; now: Date }) {
  const number = normalizeCertificateNumber(input.number);
  const row = number ? await findCertificateForVerification(db, number) : undefined;
  if (!row) return { result: 'unknown' as const, certificate: null };
  return { result: resultOf(row, input.now), certificate: presentPublicFacts(row) };
}

/**
 * A scanned QR payload: the signature is checked against the published key it names (as an offline verifier
 * would), then the register is asked whether the certificate still stands and whether the paper agrees with it.
 */
export async function verifyCertificatePayload(db: Db, input: { payload: string; now: Date }) {
  const kid = decodeKidOf(input.payload);
  const key = await publicKeyOf(db, kid);
  const jwks: CertificateJwks = { keys: key ? [key] : [] };
  const offline = await verifyCertificateOffline(input.payload, jwks, input.now);
  if (!offline.ok) {
    return {
      result: 'forged' as VerificationResult,
      signature: { valid: false, reason: offline.reason as OfflineFailure | 'content_mismatch', keyId: kid },
      certificate: null,
    };
  }
  const row = await findCertificateForVerification(db, offline.claims.n);
  if (!row) {
    return {
      result: 'unknown' as VerificationResult,
      signature: { valid: true, reason: null, keyId: kid },
      certificate: null,
    };
  }
  const expected = claimsOf(row.content as CertificateContent, row.content_hash);
  const agrees =
    JSON.stringify(expected) === JSON.stringify(offline.claims) && row.municipality_code === offline.claims.m;
  if (!agrees) {
    return {
      result: 'forged' as VerificationResult,
      signature: { valid: true, reason: 'content_mismatch' as const, keyId: kid },
      certificate: null,
    };
  }
  return {
    result: resultOf(row, input.now) as VerificationResult,
    signature: { valid: true, reason: null, keyId: kid },
    certificate: presentPublicFacts(row),
  };
}
