import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';

export type ViolationKind = 'building_violation' | 'article_100';
export const VIOLATION_KINDS: readonly ViolationKind[] = ['building_violation', 'article_100'];

export interface Violation {
  id: string;
  parcelId: string;
  kind: ViolationKind;
  description: string;
  openedOn: string;
  closedOn: string | null;
  closeReason: string | null;
  open: boolean;
}

const keyOf = (parcelId: string) => ['violations', parcelId] as const;

export function useViolations(parcelId: string) {
  return useQuery({
    queryKey: keyOf(parcelId),
    queryFn: () =>
      api.get<{ violations: Violation[] }>(`/api/v1/parcels/${encodeURIComponent(parcelId)}/violations`),
    select: (data) => data.violations,
  });
}

export function useRecordViolation(parcelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: ViolationKind; description: string; openedOn: string }) =>
      api.post<Violation>(`/api/v1/parcels/${encodeURIComponent(parcelId)}/violations`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keyOf(parcelId) }),
  });
}

export function useCloseViolation(parcelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; closedOn: string; reason: string }) =>
      api.post<Violation>(`/api/v1/violations/${encodeURIComponent(id)}/close`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keyOf(parcelId) }),
  });
}
