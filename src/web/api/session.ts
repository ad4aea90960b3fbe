import { useQuery } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from './client.js';

export type PrincipalKind = 'citizen' | 'staff' | 'office' | 'api_client';

export interface Me {
  kind: PrincipalKind;
  id: string;
  name: string;
  roles: string[];
  municipality: { id: string; code: string; name: string; timezone?: string };
  districtId?: string | null;
  /** Sent by servers that name the staff member's district in `/me`. */
  district?: { id: string; number: number; name: string } | null;
  officeId?: string;
  nationalId?: string;
  csrfToken?: string;
}

export const ME_QUERY_KEY = ['me'] as const;

/** The signed-in principal, or null when nobody is signed in. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/v1/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: 60_000 });
}

export function isAdmin(me: Me): boolean {
  return me.kind === 'staff' && me.roles.includes('admin');
}

/** Notary, counter and bank offices ask for inquiry responses; e-service offices and kiosks do not. */
export function mayRequestInquiries(me: Me): boolean {
  return (
    me.kind === 'office' &&
    ['office:notary', 'office:counter', 'office:bank'].some((r) => me.roles.includes(r))
  );
}

/** Where a principal lands after signing in. */
export function homePathOf(me: Me): string {
  if (me.kind === 'citizen') return '/cartable';
  if (me.kind === 'office') return '/office';
  if (isAdmin(me)) return '/admin';
  if (me.roles.includes('finance')) return '/finance';
  return '/staff';
}
