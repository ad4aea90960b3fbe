import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { homePathOf, ME_QUERY_KEY, type Me } from '../api/session.js';

/** Sets who is signed in (null: nobody) and drops every other cached answer, which belonged to the previous user. */
export function switchUser(queryClient: QueryClient, me: Me | null): void {
  queryClient.setQueryData(ME_QUERY_KEY, me);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
}

/** What happens after any sign-in: remember the new user, forget the previous one's data, go to their page. */
export function useSignedIn(): (me: Me) => void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  return (me) => {
    switchUser(queryClient, me);
    const next = searchParams.get('next');
    const safeNext = next?.startsWith('/') && !next.startsWith('//') ? next : null;
    void navigate(safeNext ?? homePathOf(me), { replace: true });
  };
}
