import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';

export type BillState = 'open' | 'paid' | 'exempt' | 'cancelled';

/** What paying a bill today costs; null when nothing is owed. */
export interface BillQuote {
  day: string;
  principalRials: number;
  penaltyRials: number;
  prizeRials: number;
  payableRials: number;
  monthsLate: number;
  penaltyPct: number;
  amnestyCode: string | null;
  paymentId: string | null;
  barcode: string | null;
}

export interface Bill {
  id: string;
  billId: string;
  kind: string;
  year: number;
  state: BillState;
  parcel: { id: string; renewalCode: string };
  principalRials: number;
  accruesOn: string;
  dueOn: string;
  paidAt: string | null;
  paidByPaymentId: string | null;
  quote: BillQuote | null;
}

/** What a payer holding a bill ID and payment ID may see of the bill. */
export interface BillLookup {
  municipality: { code: string; name: string };
  billId: string;
  kind: string;
  year: number;
  state: string;
  dueOn: string;
  payableRials: number | null;
  paymentId: string | null;
  barcode: string | null;
}

/** Bills with today's amounts: a citizen's own, or (office) those of the owner it acts for on one parcel. */
export function useBills(
  filter: { parcelId?: string; nationalId?: string; renewalCode?: string } = {},
  enabled = true,
) {
  const search = new URLSearchParams(
    Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  return useQuery({
    queryKey: ['bills', filter],
    queryFn: () => api.get<{ bills: Bill[] }>(`/api/v1/bills?${search}`),
    select: (data) => data.bills,
    enabled,
    retry: false,
  });
}

/** Newest year first, then by bill ID: the order a payer reads a parcel's bills in. */
export function sortBills(bills: readonly Bill[]): Bill[] {
  return [...bills].sort((a, b) => b.year - a.year || a.billId.localeCompare(b.billId));
}

/** Bills that may be paid now: open, and owing something today. */
export function isPayable(bill: Bill): boolean {
  return bill.state === 'open' && bill.quote !== null && bill.quote.paymentId !== null;
}
