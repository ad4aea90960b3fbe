import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';

export type PaymentState = 'created' | 'pending' | 'paid' | 'failed' | 'refund_pending' | 'refunded';

export interface PaymentItem {
  billRecordId: string;
  billId: string;
  kind: string;
  year: number;
  parcel: { id: string; renewalCode: string } | null;
  principalRials: number;
  penaltyRials: number;
  prizeRials: number;
  amountRials: number;
  amnestyCode: string | null;
}

export interface Payment {
  id: string;
  state: PaymentState;
  amountRials: number;
  gateway: string;
  refId: string | null;
  cardPan: string | null;
  payer: { kind: string; nationalId: string | null; officeId: string | null };
  failureReason: string | null;
  callbacks: number;
  createdAt: string;
  expiresAt: string;
  verifiedAt: string | null;
  completedAt: string | null;
  items: PaymentItem[];
}

export interface PaymentOutcome {
  id: string;
  state: PaymentState;
  failureReason: string | null;
  amountRials: number;
  refId: string | null;
  createdAt: string;
  expiresAt: string;
  completedAt: string | null;
  items: { billId: string; kind: string; year: number; amountRials: number }[];
}

export interface ReceiptItem extends PaymentItem {
  paymentId: string | null;
  plate: {
    registrationSection: number;
    mainPlate: number;
    subPlates: number[];
    unitNo: number | null;
  } | null;
}

export interface Receipt {
  receiptNo: string | null;
  paymentId: string;
  municipality: { code: string; nameFa: string; nameEn: string; nameVi: string; timeZone: string };
  paidAt: string | null;
  amountRials: number;
  gateway: string;
  refId: string | null;
  cardPan: string | null;
  payer: { kind: string; nationalId: string | null; name: string | null; officeName: string | null };
  items: ReceiptItem[];
  totals: { principalRials: number; penaltyRials: number; prizeRials: number };
}

/** Where the payer's browser goes next: the gateway's payment page. */
export interface StartedPayment {
  redirectUrl: string;
}

/** States a payment may still leave on its own (a callback, reconciliation): worth asking again. */
export const UNSETTLED: ReadonlySet<PaymentState> = new Set(['created', 'pending', 'refund_pending']);

function tokenQuery(token: string | null): string {
  return token ? `?token=${encodeURIComponent(token)}` : '';
}

/** A payment's outcome, asked again every two seconds while it is not settled. */
export function usePaymentOutcome(id: string, token: string | null) {
  return useQuery({
    queryKey: ['payments', 'outcome', id, token],
    queryFn: () =>
      api.get<PaymentOutcome>(`/api/v1/payments/${encodeURIComponent(id)}/outcome${tokenQuery(token)}`),
    refetchInterval: (query) => (query.state.data && UNSETTLED.has(query.state.data.state) ? 2000 : false),
    retry: false,
  });
}

export function useReceipt(id: string, token: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['payments', 'receipt', id, token],
    queryFn: () => api.get<Receipt>(`/api/v1/payments/${encodeURIComponent(id)}/receipt${tokenQuery(token)}`),
    enabled,
    retry: false,
  });
}

/** Where the receipt PDF is downloaded from, in one of the three languages. */
export function receiptPdfUrl(id: string, token: string | null, lang: string): string {
  const search = new URLSearchParams({ lang });
  if (token) search.set('token', token);
  return `/api/v1/payments/${encodeURIComponent(id)}/receipt.pdf?${search}`;
}

export function usePayments(enabled = true) {
  return useQuery({
    queryKey: ['payments', 'list'],
    queryFn: () => api.get<{ payments: Payment[] }>('/api/v1/payments?limit=100'),
    select: (data) => data.payments,
    enabled,
  });
}

/** Starts paying bills (a citizen's own, or an office's for the owner it names) and returns the gateway's page. */
export function startPayment(billIds: string[], nationalId?: string): Promise<StartedPayment> {
  return api.post<StartedPayment>('/api/v1/payments', { billIds, ...(nationalId ? { nationalId } : {}) });
}

export function payByBillId(input: { municipality?: string; billId: string; paymentId: string }) {
  return api.post<StartedPayment & { paymentId: string; amountRials: number }>(
    '/api/v1/payments/by-bill-id',
    input,
  );
}

/** Sends the browser to the gateway's payment page (a full page load: the gateway is another site). */
export function goToGateway(url: string): void {
  window.location.assign(url);
}
