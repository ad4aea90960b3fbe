import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import {
  type CertificateClaims,
  type CertificateJwk,
  type CertificateJwks,
  extractToken,
  parseClaims,
} from './claims.js';

/*
 * Offline verification of a scanned certificate: only the JWKS is needed (downloaded once from
 * /.well-known/jwks.json, or given as a file), no call to the municipality. Runs in Node and in the browser.
 * It proves the payload was signed by the key of the municipality it names and has not been altered; whether the
 * certificate has since been revoked can only be known online.
 */

export type OfflineFailure =
  /** Not a compact JWS with our claims. */
  | 'malformed'
  /** Signed with a key that is not in the JWKS. */
  | 'unknown_key'
  /** The signature does not match: altered, truncated, or signed with another key under a known kid. */
  | 'bad_signature'
  /** A real key, but of another municipality than the one the payload names. */
  | 'wrong_municipality'
  /** This runtime cannot verify Ed25519 (an old browser). */
  | 'unsupported';

// Imported keys, per JWK object: a verifier that keeps its JWKS (the web page, the server's cache) imports each
// key once.
const importedKeys = new WeakMap<CertificateJwk, ReturnType<typeof importJWK>>();

function importKey(jwk: CertificateJwk): ReturnType<typeof importJWK> {
  let key = importedKeys.get(jwk);
  if (!key) {
    key = importJWK({ kty: jwk.kty, crv: jwk.crv, x: jwk.x }, 'EdDSA');
    importedKeys.set(jwk, key);
    key.catch(() => importedKeys.delete(jwk));
  }
  return key;
}

export type OfflineVerification =
  | { ok: true; status: 'valid' | 'expired'; kid: string; claims: CertificateClaims }
  | { ok: false; reason: OfflineFailure };

export async function verifyCertificateOffline(
  scanned: string,
  jwks: CertificateJwks,
  now: Date = new Date(),
): Promise<OfflineVerification> {
  const token = extractToken(scanned);
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token))
    return { ok: false, reason: 'malformed' };
  let kid: string | undefined;
  try {
    const header = decodeProtectedHeader(token);
    if (header.alg !== 'EdDSA') return { ok: false, reason: 'malformed' };
    kid = header.kid;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const jwk = jwks.keys.find((key) => key.kid === kid);
  if (!kid || !jwk) return { ok: false, reason: 'unknown_key' };
  let payload: Uint8Array;
  try {
    const key = await importKey(jwk);
    ({ payload } = await compactVerify(token, key, { algorithms: ['EdDSA'] }));
  } catch (error) {
    const name = (error as { name?: string; code?: string }).code ?? (error as Error).name;
    if (name === 'NotSupportedError' || name === 'ERR_JOSE_NOT_SUPPORTED')
      return { ok: false, reason: 'unsupported' };
    return { ok: false, reason: 'bad_signature' };
  }
  let claims: CertificateClaims | null;
  try {
    claims = parseClaims(JSON.parse(new TextDecoder().decode(payload)));
  } catch {
    claims = null;
  }
  if (!claims) return { ok: false, reason: 'malformed' };
  if (claims.m !== jwk.mun) return { ok: false, reason: 'wrong_municipality' };
  const status = now.getTime() / 1000 >= claims.exp ? 'expired' : 'valid';
  return { ok: true, status, kid, claims };
}
