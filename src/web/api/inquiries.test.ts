import { describe, expect, it } from 'vitest';
import type { Inquiry } from './inquiries.js';
import {
  certificatePdfPath,
  certificateVerifyPath,
  IN_REVIEW_POLL_MS,
  newIdempotencyKey,
  refreshWhileInReview,
} from './inquiry-links.js';

const withStatus = (status: Inquiry['status']) => ({ status }) as Inquiry;

describe('inquiries in the browser', () => {
  it('polls only while a request is in review', () => {
    expect(refreshWhileInReview([withStatus('issued'), withStatus('in_review')])).toBe(IN_REVIEW_POLL_MS);
    expect(refreshWhileInReview([withStatus('issued'), withStatus('refused')])).toBe(false);
    expect(refreshWhileInReview(undefined)).toBe(false);
  });

  it('links the PDF and the verification page on this site', () => {
    expect(certificatePdfPath('IR-01-1405-000001-8', 'fa')).toBe(
      '/api/v1/certificates/IR-01-1405-000001-8.pdf?lang=fa',
    );
    expect(certificateVerifyPath({ qrToken: 'a.b.c' })).toBe('/verify#a.b.c');
  });

  it('makes a new idempotency key each time, in the form the API accepts', () => {
    const first = newIdempotencyKey();
    expect(first).toMatch(/^[A-Za-z0-9_.:-]{8,100}$/);
    expect(newIdempotencyKey()).not.toBe(first);
  });
});
