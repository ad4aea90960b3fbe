import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';

export interface ApiClient {
  id: string;
  clientId: string;
  name: string;
  kind: string;
  scopes: string[];
  secretVersion: number;
  createdAt: string;
  rotatedAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface ApiClientWithSecret {
  client: ApiClient;
  clientSecret: string;
}

export interface ApiClientCreate {
  name: string;
  kind: string;
  scopes: string[];
}

const KEY = ['admin', 'api-clients'] as const;

export function useApiClients() {
  return useQuery({
    queryKey: KEY,
    queryFn: () => api.get<{ clients: ApiClient[] }>('/api/v1/admin/api-clients'),
    select: (data) => data.clients,
  });
}

function useApiClientMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin'] }) });
}

export function useCreateApiClient() {
  return useApiClientMutation((client: ApiClientCreate) =>
    api.post<ApiClientWithSecret>('/api/v1/admin/api-clients', client),
  );
}

export function useRotateApiClientSecret() {
  return useApiClientMutation((id: string) =>
    api.post<ApiClientWithSecret>(`/api/v1/admin/api-clients/${id}/rotate-secret`),
  );
}

export function useRevokeApiClient() {
  return useApiClientMutation((id: string) => api.post<ApiClient>(`/api/v1/admin/api-clients/${id}/revoke`));
}
