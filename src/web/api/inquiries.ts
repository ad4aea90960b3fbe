import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';

export type InquiryPurpose = 'transfer' | 'mortgage' | 'utility_connection';
export type InquiryStatus = 'issued' | 'in_review' | 'refused' | 'withdrawn';
export const INQUIRY_PURPOSES: readonly InquiryPurpose[] = ['transfer', 'mortgage', 'utility_connection'];

export interface CertificateRef {
  number: string;
  outcome: 'no_objection' | 'conditional' | 'refused' | null;
  status: string | null;
  issuedAt: string | null;
  validUntil: string | null;
  verifyUrl: string;
  verifyPageUrl: string;
  qrToken: string;
  pdfUrl: string;
}

export interface InquiryCondition {
  code: 'recent_basis' | 'nothing_owed' | 'no_open_violation' | 'no_pending_article_100' | string;
  required: boolean;
  met: boolean;
  /** The condition with its numbers, in the language the request asked for. */
  text: string;
  details: Record<string, unknown>;
}

export interface Inquiry {
  id: string;
  status: InquiryStatus;
  purpose: InquiryPurpose;
  autoIssued: boolean;
  parcel: { id: string; renewalCode: string; plate: string };
  letterNumber: string | null;
  letterDate: string | null;
  requester: { kind: string; name: string };
  decision: {
    decision: 'issue' | 'route';
    siteVisit: boolean;
    day: string;
    settingsEffectiveFrom: string;
    conditions: InquiryCondition[];
  };
  case: { id: string; state: string; trackingCode: string | null };
  certificate: CertificateRef | null;
  createdAt: string;
  decidedAt: string | null;
}

export type InquiryParcelRef =
  | { renewalCode: string }
  | { plate: { section: number; main: number; sub?: number[]; unit?: number | null } };

export interface InquiryRequest {
  parcel: InquiryParcelRef;
  purpose: InquiryPurpose;
  letterNumber?: string;
  letterDate?: string;
}

/** How often a list with a request still in review asks again. */
export const IN_REVIEW_POLL_MS = 5_000;

const KEY = ['inquiries'] as const;

/** The PDF of a certificate in a language, on this site (the API's absolute links name the public address). */
export function certificatePdfPath(number: string, lang: 'fa' | 'en' | 'vi'): string {
  return `/api/v1/certificates/${encodeURIComponent(number)}.pdf?lang=${lang}`;
}

/** The verification page for a certificate: by its signed token, as scanning the QR code opens it. */
export function certificateVerifyPath(certificate: Pick<CertificateRef, 'qrToken'>): string {
  return `/verify#${certificate.qrToken}`;
}

/** A fresh key per form submission: a double click or a retry of the same submission never files twice. */
export function newIdempotencyKey(): string {
  return `web-${crypto.randomUUID()}`;
}

function refreshWhileInReview(inquiries: Inquiry[] | undefined): number | false {
  return inquiries?.some((inquiry) => inquiry.status === 'in_review') ? IN_REVIEW_POLL_MS : false;
}

/** An office's own requests; refreshed while any is in review. */
export function useOfficeInquiries() {
  return useQuery({
    queryKey: [...KEY, 'own'],
    queryFn: () => api.get<{ inquiries: Inquiry[] }>('/api/v1/inquiries?limit=50'),
    select: (data) => data.inquiries,
    refetchInterval: (query) => refreshWhileInReview(query.state.data?.inquiries),
  });
}

/** Inquiries about the parcels a citizen owns (their cartable). */
export function useInquiriesAboutMine() {
  return useQuery({
    queryKey: [...KEY, 'mine'],
    queryFn: () => api.get<{ inquiries: Inquiry[] }>('/api/v1/inquiries?about=mine&limit=50'),
    select: (data) => data.inquiries,
  });
}

/** The inquiry a case belongs to (staff on the case page), read again whenever the case changes; null for none. */
export function useInquiryOfCase(caseId: string, caseVersion: number) {
  return useQuery({
    queryKey: [...KEY, 'case', caseId, caseVersion],
    queryFn: () =>
      api.get<{ inquiries: Inquiry[] }>(`/api/v1/inquiries?caseId=${encodeURIComponent(caseId)}`),
    select: (data) => data.inquiries[0] ?? null,
  });
}

export function useRequestInquiry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: InquiryRequest; idempotencyKey: string }) =>
      api.post<Inquiry>('/api/v1/inquiries', body, { 'idempotency-key': idempotencyKey }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export interface OwedItem {
  kind: string;
  year: number | null;
  billId: string | null;
  paymentId: string | null;
  billRecordId: string;
  payableRials: string;
}

export function useRequestClearance() {
  return useMutation({
    mutationFn: (parcelId: string) =>
      api.post<{ certificate: CertificateRef }>('/api/v1/clearances', { parcelId }),
  });
}
