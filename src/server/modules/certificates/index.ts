/*
 * The certificate machinery every certificate-issuing service builds on (inquiry responses, clearance, permits,
 * completion certificates): issue inside your own transaction with `issueCertificate(trx, app.certificateKeys,
 * {...})`; the rest (numbers, signing, QR, PDF, verification, revocation, JWKS) is here. See docs/certificates.md.
 */

export { renderCertificatePdf, verificationLink } from './certificate-pdf.js';
export type {
  CertificateContent,
  CertificateFinding,
  CertificateRequester,
  LocalizedText,
} from './content.js';
export { type IssueCertificateInput, type IssuedCertificate, issueCertificate } from './issue-certificate.js';
export { CertificateKeyring } from './keyring.js';
export { listParcelCertificates } from './repository.js';
