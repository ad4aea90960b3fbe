import type { CertificateKindCode, CertificateOutcomeCode } from './kinds.js';

/*
 * What a certificate's QR code carries: a compact JWS (RFC 7515) signed with the municipality's Ed25519 key,
 * header {"alg":"EdDSA","kid":…}, payload these claims with one-letter names to keep the QR small (about 300
 * characters, QR version 13 at level M, a 69×69 grid). `h` binds the whole certificate (owners, findings,
 * reasons) that does not fit in the code: it is the start of the SHA-256 of the stored canonical content, so the
 * online check can tell that the paper and the register agree.
 */
export interface CertificateClaims {
  /** Format version. */
  v: 1;
  /** Certificate number, e.g. IR-07-1404-000123-5. */
  n: string;
  k: CertificateKindCode;
  /** Municipality code; must be the municipality that owns the signing key. */
  m: string;
  /** Registration plate: section-main/sub (e.g. 3-1234/56). */
  p: string;
  o: CertificateOutcomeCode;
  /** Issued at and valid until, seconds since the epoch. */
  iat: number;
  exp: number;
  /** base64url of the first 16 bytes of SHA-256(canonical content). */
  h: string;
}

/** One public key of the JWKS at /.well-known/jwks.json. `mun` names the municipality that signs with it. */
export interface CertificateJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
  mun: string;
}

export interface CertificateJwks {
  keys: CertificateJwk[];
}

/** The JWS out of whatever was scanned or pasted: the bare token, or the verification URL that carries it. */
export function extractToken(scanned: string): string {
  const text = scanned.trim();
  const hash = text.indexOf('#');
  if (hash >= 0) return decodeURIComponent(text.slice(hash + 1)).trim();
  const query = /[?&]t=([^&]+)/.exec(text);
  if (query) return decodeURIComponent(query[1]).trim();
  return text;
}

function isClaims(value: unknown): value is CertificateClaims {
  if (!value || typeof value !== 'object') return false;
  const c = value as Record<string, unknown>;
  return (
    c.v === 1 &&
    typeof c.n === 'string' &&
    typeof c.k === 'string' &&
    typeof c.m === 'string' &&
    typeof c.p === 'string' &&
    typeof c.o === 'string' &&
    typeof c.h === 'string' &&
    Number.isInteger(c.iat) &&
    Number.isInteger(c.exp)
  );
}

export function parseClaims(json: unknown): CertificateClaims | null {
  return isClaims(json) ? json : null;
}

/** The key id a scanned payload names in its header, without checking anything; null when unreadable. */
export function decodeKidOf(scanned: string): string | null {
  const [header] = extractToken(scanned).split('.');
  try {
    const base64 = header.replace(/-/g, '+').replace(/_/g, '/');
    const json = JSON.parse(
      new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))),
    ) as { kid?: unknown };
    return typeof json.kid === 'string' ? json.kid : null;
  } catch {
    return null;
  }
}
