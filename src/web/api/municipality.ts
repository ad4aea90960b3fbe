import { useQuery } from '@tanstack/react-query';
import type { Language } from '../i18n/languages.js';
import { api } from './client.js';

/** Which municipality this deployment serves, as anyone may see it before signing in. */
export interface PublicMunicipality {
  code: string;
  name: string;
  names: Record<Language, string>;
  timezone: string;
}

export function usePublicMunicipality() {
  return useQuery({
    queryKey: ['municipality'],
    queryFn: () => api.get<PublicMunicipality>('/api/v1/municipality'),
    staleTime: 5 * 60_000,
  });
}
