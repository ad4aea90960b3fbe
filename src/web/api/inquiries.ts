import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';
import { refreshWhileInReview } from './inquiry-links.js';

export {
  certificatePdfPath,
  certificateVerifyPath,
  IN_REVIEW_POLL_MS,
  newIdempotencyKey,
  refreshWhileInReview,
} from './inquiry-links.js';

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

const KEY = ['inquiries'] as const;

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
