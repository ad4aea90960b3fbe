import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from './client.js';

export interface WebhookEndpoint {
  apiClientId: string;
  url: string;
  enabled: boolean;
  secretVersion: number;
  createdAt: string;
  updatedAt: string;
  rotatedAt: string | null;
}

export interface WebhookDelivery {
  id: string;
  eventId: string;
  type: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

const base = (clientId: string) => `/api/v1/admin/api-clients/${clientId}/webhook`;
const key = (clientId: string) => ['admin', 'webhooks', clientId] as const;

/** The client's webhook endpoint, or null when it has none. */
export function useClientWebhook(clientId: string) {
  return useQuery({
    queryKey: [...key(clientId), 'endpoint'],
    queryFn: () =>
      api.get<WebhookEndpoint>(base(clientId)).catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }),
  });
}

export function useClientDeliveries(clientId: string) {
  return useQuery({
    queryKey: [...key(clientId), 'deliveries'],
    queryFn: () => api.get<{ deliveries: WebhookDelivery[] }>(`${base(clientId)}/deliveries?limit=10`),
    select: (data) => data.deliveries,
  });
}

function useWebhookMutation<Input, Output>(clientId: string, mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(clientId) }),
  });
}

export function useSaveWebhook(clientId: string) {
  return useWebhookMutation(clientId, (url: string) =>
    api.put<{ endpoint: WebhookEndpoint; secret: string | null }>(base(clientId), { url }),
  );
}

export function useSetWebhookEnabled(clientId: string) {
  return useWebhookMutation(clientId, (enabled: boolean) =>
    api.patch<WebhookEndpoint>(base(clientId), { enabled }),
  );
}

export function useRedeliver(clientId: string) {
  return useWebhookMutation(clientId, (deliveryId: string) =>
    api.post<WebhookDelivery>(`${base(clientId)}/deliveries/${deliveryId}/redeliver`),
  );
}
