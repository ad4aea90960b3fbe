import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';
import { ME_QUERY_KEY } from './session.js';

export interface MunicipalityOverview {
  id: string;
  code: string;
  nameFa: string;
  nameEn: string;
  nameVi: string;
  timezone: string;
  counts: {
    districts: number;
    staff: number;
    offices: number;
    apiClients: number;
    parcels: number;
    citizens: number;
  };
}

export type MunicipalityUpdate = Partial<
  Pick<MunicipalityOverview, 'nameFa' | 'nameEn' | 'nameVi' | 'timezone'>
>;

const KEY = ['admin', 'municipality'] as const;

export function useMunicipality() {
  return useQuery({
    queryKey: KEY,
    queryFn: () => api.get<MunicipalityOverview>('/api/v1/admin/municipality'),
  });
}

export function useUpdateMunicipality() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: MunicipalityUpdate) =>
      api.patch<MunicipalityOverview>('/api/v1/admin/municipality', update),
    onSuccess: (municipality) => {
      queryClient.setQueryData(KEY, municipality);
      void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
}
