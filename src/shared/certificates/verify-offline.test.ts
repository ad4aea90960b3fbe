import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import type { CertificateClaims, CertificateJwk, CertificateJwks } from './claims.js';
import { verifyCertificateOffline } from './verify-offline.js';

const NOW = new Date('2025-05-05T08:00:00Z');
const CLAIMS: CertificateClaims = {
  v: 1,
  n: 'IR-07-1404-000123-5',
  k: 'IR',
  m: 'hamedan',
  p: '3-1234/56',
  o: 'N',
  iat: Math.floor(NOW.getTime() / 1000) - 3600,
  exp: Math.floor(NOW.getTime() / 1000) + 60 * 86_400,
  h: 'q83vEjRWeJASNFZ4kBI0Vg',
};

async function keyOf(kid: string, mun: string) {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig', mun } as CertificateJwk;
  return { jwk, privateKey };
}

function sign(claims: unknown, key: { privateKey: CryptoKey }, kid: string) {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg: 'EdDSA', kid })
    .sign(key.privateKey);
}

function b64(json: unknown): string {
  return Buffer.from(JSON.stringify(json)).toString('base64url');
}

describe('verifying a scanned certificate offline, with only the JWKS', async () => {
  const current = await keyOf('hamedan-20250101-aaaaaa', 'hamedan');
  const other = await keyOf('urmia-20250101-bbbbbb', 'urmia');
  const jwks: CertificateJwks = { keys: [current.jwk, other.jwk] };
  const token = await sign(CLAIMS, current, current.jwk.kid);

  it('accepts a genuine payload, bare or inside the verification URL', async () => {
    expect(await verifyCertificateOffline(token, jwks, NOW)).toEqual({
      ok: true,
      status: 'valid',
      kid: current.jwk.kid,
      claims: CLAIMS,
    });
    const url = `https://shahrvand.example/verify#${token}`;
    expect(await verifyCertificateOffline(url, jwks, NOW)).toMatchObject({ ok: true, status: 'valid' });
  });

  it('says expired once the validity has passed, the signature still being genuine', async () => {
    const later = new Date((CLAIMS.exp + 1) * 1000);
    expect(await verifyCertificateOffline(token, jwks, later)).toMatchObject({ ok: true, status: 'expired' });
  });

  it('detects a changed field', async () => {
    const [header, , signature] = token.split('.');
    const changed = `${header}.${b64({ ...CLAIMS, o: 'N', p: '3-1234/57' })}.${signature}`;
    expect(await verifyCertificateOffline(changed, jwks, NOW)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    const later = `${header}.${b64({ ...CLAIMS, exp: CLAIMS.exp + 365 * 86_400 })}.${signature}`;
    expect(await verifyCertificateOffline(later, jwks, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('detects a truncated or altered signature', async () => {
    expect(await verifyCertificateOffline(token.slice(0, -4), jwks, NOW)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    const flipped = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BA' : 'AA'}`;
    expect(await verifyCertificateOffline(flipped, jwks, NOW)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('refuses a payload signed with a key that is not the one its kid names', async () => {
    const forger = await keyOf(current.jwk.kid, 'hamedan');
    const forged = await sign(CLAIMS, forger, current.jwk.kid);
    expect(await verifyCertificateOffline(forged, jwks, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
    const unknown = await sign(CLAIMS, forger, 'hamedan-20990101-ffffff');
    expect(await verifyCertificateOffline(unknown, jwks, NOW)).toEqual({ ok: false, reason: 'unknown_key' });
  });

  it("refuses one municipality's key vouching for another municipality's certificate", async () => {
    const crossed = await sign(CLAIMS, other, other.jwk.kid);
    expect(await verifyCertificateOffline(crossed, jwks, NOW)).toEqual({
      ok: false,
      reason: 'wrong_municipality',
    });
  });

  it('refuses what is not a signed certificate payload', async () => {
    for (const text of ['', 'hello', 'a.b', `${token}.x`, 'https://shahrvand.example/verify'])
      expect(await verifyCertificateOffline(text, jwks, NOW)).toEqual({ ok: false, reason: 'malformed' });
    const notClaims = await sign({ hello: 'world' }, current, current.jwk.kid);
    expect(await verifyCertificateOffline(notClaims, jwks, NOW)).toEqual({ ok: false, reason: 'malformed' });
    const hs256 = `${b64({ alg: 'HS256', kid: current.jwk.kid })}.${b64(CLAIMS)}.${token.split('.')[2]}`;
    expect(await verifyCertificateOffline(hs256, jwks, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });
});
