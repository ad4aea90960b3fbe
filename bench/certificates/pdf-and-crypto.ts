import { createPrivateKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import {
  certificateDocument,
  renderCertificatePdf,
} from '../../src/server/modules/certificates/certificate-pdf.js';
import { CertificateKeyring } from '../../src/server/modules/certificates/keyring.js';
import { qrVersionOf, renderDocument } from '../../src/server/pdf/index.js';
import type { CertificateClaims, CertificateJwks } from '../../src/shared/certificates/index.js';
import { verifyCertificateOffline } from '../../src/shared/certificates/index.js';
import { renderPlainPdfkit } from './plain-pdfkit.js';
import { SAMPLE_CONTENT, SAMPLE_TOKEN } from './sample.js';
import { printRates, timeLoop } from './timing.js';

const input = {
  content: SAMPLE_CONTENT,
  token: SAMPLE_TOKEN,
  timeZone: 'Asia/Tehran',
  revokedAt: null,
  verifyUrl: 'https://shahrvand.example/verify',
};

/** PDFs per second on one core: this process renders one PDF at a time. */
export async function benchPdf(seconds: number) {
  const coldStart = performance.now();
  const first = await renderCertificatePdf(input, 'fa');
  const coldMs = performance.now() - coldStart;
  for (let i = 0; i < 20; i++) await renderCertificatePdf(input, 'fa');
  const faSpec = certificateDocument(input, 'fa');
  for (let i = 0; i < 20; i++) await renderPlainPdfkit(faSpec);
  const baseline = await timeLoop(
    'baseline: same document, plain pdfkit text (no shaping, no bidi)',
    seconds,
    () => renderPlainPdfkit(faSpec),
  );
  const rows = [
    await timeLoop('certificate PDF, Persian (HarfBuzz + bidi-js)', seconds, () =>
      renderCertificatePdf(input, 'fa'),
    ),
    await timeLoop('certificate PDF, English', seconds, () => renderCertificatePdf(input, 'en')),
    await timeLoop('certificate PDF, Persian, layout only given the spec', seconds, () =>
      renderDocument(faSpec),
    ),
    baseline,
  ];
  printRates('PDF rendering, one core', rows, baseline);
  console.log(
    `\nFirst PDF in the process (fonts loaded, HarfBuzz compiled): ${coldMs.toFixed(0)} ms; a Persian certificate is ${(first.length / 1024).toFixed(1)} KiB.`,
  );
}

/** Ed25519 signatures and offline verifications per second, beside node:crypto's bare Ed25519. */
export async function benchSigning(seconds: number) {
  const keyring = new CertificateKeyring(undefined);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
  const key = {
    id: 'bench',
    kid: 'bench-20250101-000000',
    key: createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }),
  };
  const claims: CertificateClaims = {
    v: 1,
    n: SAMPLE_CONTENT.number,
    k: 'IR',
    m: 'bench',
    p: '3-1234/56',
    o: 'C',
    iat: 1746426600,
    exp: 4102444800,
    h: 'q83vEjRWeJASNFZ4kBI0Vg',
  };
  const jwk = publicKey.export({ format: 'jwk' });
  const jwks = {
    keys: [
      { kty: 'OKP', crv: 'Ed25519', x: String(jwk.x), kid: key.kid, alg: 'EdDSA', use: 'sig', mun: 'bench' },
    ],
  } as CertificateJwks;
  const token = await keyring.sign(claims, key);
  const url = `https://shahrvand.example/verify#${token}`;
  const bytes = Buffer.from(JSON.stringify(claims));
  const rawSignature = sign(null, bytes, privateKey);
  const baselineSign = await timeLoop('baseline: node:crypto Ed25519 sign of the same bytes', seconds, () =>
    sign(null, bytes, privateKey),
  );
  const baselineVerify = await timeLoop('baseline: node:crypto Ed25519 verify', seconds, () =>
    verify(null, bytes, publicKey, rawSignature),
  );
  const signing = await timeLoop('sign: compact JWS of the claims (jose)', seconds, () =>
    keyring.sign(claims, key),
  );
  const verifying = await timeLoop('verify offline: parse, import JWK, check, claims (jose)', seconds, () =>
    verifyCertificateOffline(token, jwks),
  );
  printRates('Signing, one core', [signing, baselineSign], baselineSign);
  printRates('Verification, one core', [verifying, baselineVerify], baselineVerify);
  console.log(
    `\nQR payload: ${token.length} characters as a JWS, ${url.length} as the verification URL; QR version ${qrVersionOf(url)} at level M.`,
  );
}
