import type { ReactNode } from 'react';
import { Navigate, useLocation, useParams } from 'react-router';
import { FullPageSpin, LoadError } from '../components/page-states';
import { type Me, useMe } from '../features/auth/api/get-me';

/** Where a person starts after signing in. */
export function homeOf(me: Pick<Me, 'kind' | 'role'>): string {
  if (me.kind === 'resident') return '/m/home';
  if (me.role === 'technician') return '/m/tech';
  return '/desk';
}

export const isDeskStaff = (me: Me) => me.kind === 'staff' && me.role !== 'technician';
export const isTechnician = (me: Me) => me.kind === 'staff' && me.role === 'technician';
export const isResident = (me: Me) => me.kind === 'resident';
export const isAdmin = (me: Me) => me.kind === 'staff' && me.role === 'admin';

interface GuardProps {
  allow: (me: Me) => boolean;
  loginPath?: string;
  children: ReactNode;
}

/** Shows the page to those it is for; sends others to sign in, or to their own start page. */
export function Guard({ allow, loginPath = '/login', children }: GuardProps) {
  const { data: me, isPending, error, refetch } = useMe();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (error) return <LoadError error={error} onRetry={() => void refetch()} />;
  if (!me) return <Navigate to={loginPath} replace state={{ from: location.pathname + location.search }} />;
  if (!allow(me)) return <Navigate to={homeOf(me)} replace />;
  return <>{children}</>;
}

/** "/" goes to the signed-in person's start page. */
export function StartRedirect() {
  const { data: me, isPending, error, refetch } = useMe();
  if (isPending) return <FullPageSpin />;
  if (error) return <LoadError error={error} onRetry={() => void refetch()} />;
  return <Navigate to={me ? homeOf(me) : '/login'} replace />;
}

/** A link to /orders/:id (from a notification, an SMS) opens the right page for a phone user. */
export function OrderLinkRedirect({ children }: { children: ReactNode }) {
  const { data: me } = useMe();
  const { id } = useParams();
  if (id && me && isTechnician(me)) return <Navigate to={`/m/tech/orders/${id}`} replace />;
  if (id && me && isResident(me)) return <Navigate to={`/m/orders/${id}`} replace />;
  return <>{children}</>;
}
