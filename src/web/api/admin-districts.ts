import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';

export interface District {
  id: string;
  number: number;
  nameFa: string;
  nameEn: string;
  nameVi: string;
  parcelCount: number;
  staffCount: number;
  createdAt: string;
  updatedAt: string;
}

export type DistrictNames = Pick<District, 'nameFa' | 'nameEn' | 'nameVi'>;
export type DistrictCreate = DistrictNames & { number: number };

const KEY = ['admin', 'districts'] as const;

export function useDistricts() {
  return useQuery({
    queryKey: KEY,
    queryFn: () => api.get<{ districts: District[] }>('/api/v1/admin/districts'),
    select: (data) => [...data.districts].sort((a, b) => a.number - b.number),
  });
}

export function useCreateDistrict() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (district: DistrictCreate) => api.post<District>('/api/v1/admin/districts', district),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin'] }),
  });
}

export function useRenameDistrict(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (names: DistrictNames) => api.patch<District>(`/api/v1/admin/districts/${id}`, names),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
