import { Navigate, Outlet, useLocation } from 'react-router';
import { homePathOf, type PrincipalKind, useMe } from '../api/session.js';
import { ApiErrorAlert } from './api-error-alert.js';
import { LoadingState } from './loading-state.js';

interface RequirePrincipalProps {
  kinds: PrincipalKind[];
  staffRole?: string;
  /** Any one of these staff roles will do. */
  staffRoles?: string[];
}

/** Shows its child routes only to the right kind of principal; others go to sign-in or to their own home. */
export function RequirePrincipal({ kinds, staffRole, staffRoles }: RequirePrincipalProps) {
  const { data: me, isPending, error } = useMe();
  const location = useLocation();
  if (isPending) return <LoadingState />;
  if (error) return <ApiErrorAlert error={error} />;
  if (!me) return <Navigate to={`/signin?next=${encodeURIComponent(location.pathname)}`} replace />;
  const allowed =
    kinds.includes(me.kind) &&
    (!staffRole || me.roles.includes(staffRole)) &&
    (!staffRoles || staffRoles.some((role) => me.roles.includes(role)));
  if (!allowed) return <Navigate to={homePathOf(me)} replace />;
  return <Outlet />;
}
