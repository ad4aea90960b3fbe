import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/client.js';
import { ME_QUERY_KEY } from './api/session.js';

const MAX_RETRIES = 2;

function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failureCount < MAX_RETRIES;
}

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => forgetExpiredSession(error) }),
    mutationCache: new MutationCache({ onError: (error) => forgetExpiredSession(error) }),
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 10_000 },
    },
  });
  /** A 401 means the session ended (expired, or signed out elsewhere): the pages that need one send to sign-in. */
  function forgetExpiredSession(error: unknown): void {
    const signingIn = queryClient.getQueryData(ME_QUERY_KEY) === null;
    if (error instanceof ApiError && error.status === 401 && !signingIn)
      queryClient.setQueryData(ME_QUERY_KEY, null);
  }
  return queryClient;
}
