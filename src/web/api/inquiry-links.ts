// Pure helpers of the inquiry pages (no network, no i18n): testable without a browser.
import type { CertificateRef, Inquiry } from './inquiries.js';

/** How often a list with a request still in review asks again. */
export const IN_REVIEW_POLL_MS = 5_000;

/** A fresh key per form submission: a double click or a retry of the same submission never files twice. */
export function newIdempotencyKey(): string {
  return `web-${crypto.randomUUID()}`;
}

/** How often a list asks again: every few seconds while any request is in review, else not at all. */
export function refreshWhileInReview(inquiries: Inquiry[] | undefined): number | false {
  return inquiries?.some((inquiry) => inquiry.status === 'in_review') ? IN_REVIEW_POLL_MS : false;
}

/** The PDF of a certificate in a language, on this site (the API's absolute links name the public address). */
export function certificatePdfPath(number: string, lang: 'fa' | 'en' | 'vi'): string {
  return `/api/v1/certificates/${encodeURIComponent(number)}.pdf?lang=${lang}`;
}

/** The verification page for a certificate: by its signed token, as scanning the QR code opens it. */
export function certificateVerifyPath(certificate: Pick<CertificateRef, 'qrToken'>): string {
  return `/verify#${certificate.qrToken}`;
}
