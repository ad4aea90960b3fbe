import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';

export interface Office {
  id: string;
  kind: string;
  name: string;
  licenseNo: string;
  districtId: string | null;
  isActive: boolean;
  operatorCount: number;
  createdAt: string;
}

export interface OfficeCreate {
  kind: string;
  name: string;
  licenseNo: string;
  districtId: string | null;
}

export interface Operator {
  id: string;
  username: string;
  fullName: string;
  officeId: string;
  isActive: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface OperatorCreate {
  username: string;
  fullName: string;
  password: string;
}

const KEY = ['admin', 'offices'] as const;

export function useOffices() {
  return useQuery({
    queryKey: KEY,
    queryFn: () => api.get<{ offices: Office[] }>('/api/v1/admin/offices'),
    select: (data) => data.offices,
  });
}

export function useCreateOffice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (office: OfficeCreate) => api.post<Office>('/api/v1/admin/offices', office),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin'] }),
  });
}

export function useUpdateOffice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...update }: { id: string; name?: string; isActive?: boolean }) =>
      api.patch<Office>(`/api/v1/admin/offices/${id}`, update),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useOperators(officeId: string) {
  return useQuery({
    queryKey: [...KEY, officeId, 'operators'],
    queryFn: () => api.get<{ operators: Operator[] }>(`/api/v1/admin/offices/${officeId}/operators`),
    select: (data) => data.operators,
  });
}

export function useCreateOperator(officeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (operator: OperatorCreate) =>
      api.post<Operator>(`/api/v1/admin/offices/${officeId}/operators`, operator),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
