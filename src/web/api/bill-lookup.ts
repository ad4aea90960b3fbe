import { useQuery } from '@tanstack/react-query';
import type { BillLookup } from './bills.js';
import { api } from './client.js';

export interface LookupKey {
  municipality?: string;
  billId: string;
  paymentId: string;
}

/** A bill found by its bill ID and payment ID alone (no sign-in): only what a payer needs. */
export function useBillLookup(key: LookupKey | null) {
  return useQuery({
    queryKey: ['bill-lookup', key],
    queryFn: () => {
      const search = new URLSearchParams({ billId: key!.billId, paymentId: key!.paymentId });
      if (key!.municipality) search.set('municipality', key!.municipality);
      return api.get<BillLookup>(`/api/v1/bills/lookup?${search}`);
    },
    enabled: key !== null,
    retry: false,
  });
}
