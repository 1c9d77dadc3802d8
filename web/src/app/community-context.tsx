import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useMe } from '../features/auth/api/get-me';
import { type Community, useCommunities } from '../features/directory/api/list-communities';

const companyLevelRoles = ['admin', 'company_manager', 'complaint_centre'];

export interface CommunityState {
  /** The community the desk works on; null = every community the user may see (company-level staff). */
  communityId: string | null;
  community: Community | null;
  communities: Community[];
  canPickAll: boolean;
  setCommunityId: (id: string | null) => void;
}

const CommunityContext = createContext<CommunityState | null>(null);
const storageKey = (userId: string) => `pd_community:${userId}`;

function readStored(userId: string): string | null | undefined {
  try {
    const v = localStorage.getItem(storageKey(userId));
    return v === null ? undefined : v === '' ? null : v;
  } catch {
    return undefined;
  }
}

/** The header's community picker state, remembered per user in this browser. */
export function CommunityProvider({ children }: { children: ReactNode }) {
  const { data: me } = useMe();
  const isStaff = me?.kind === 'staff';
  const { data: fetched } = useCommunities(isStaff);
  const communities = useMemo(() => (fetched?.length ? fetched : (me?.communities ?? [])), [fetched, me]);
  const canPickAll = !!me && companyLevelRoles.includes(me.role) && communities.length > 1;
  const [picked, setPicked] = useState<{ userId: string; id: string | null } | null>(null);

  let communityId: string | null;
  if (me && picked?.userId === me.id) communityId = picked.id;
  else if (me) {
    const stored = readStored(me.id);
    communityId = stored !== undefined ? stored : (me.communityId ?? (canPickAll ? null : (communities[0]?.id ?? null)));
  } else communityId = null;
  // A remembered community the user may no longer see falls back to the first one.
  if (communityId && communities.length && !communities.some((c) => c.id === communityId)) communityId = communities[0]?.id ?? null;
  if (communityId === null && !canPickAll && communities.length) communityId = communities[0]!.id;

  const setCommunityId = useCallback(
    (id: string | null) => {
      if (!me) return;
      setPicked({ userId: me.id, id });
      try {
        localStorage.setItem(storageKey(me.id), id ?? '');
      } catch {
        // Remembered for this page only.
      }
    },
    [me],
  );
  const community = communities.find((c) => c.id === communityId) ?? null;
  const value = useMemo(
    () => ({ communityId, community, communities, canPickAll, setCommunityId }),
    [communityId, community, communities, canPickAll, setCommunityId],
  );
  return <CommunityContext.Provider value={value}>{children}</CommunityContext.Provider>;
}

export function useCommunity(): CommunityState {
  const c = useContext(CommunityContext);
  if (!c) throw new Error('useCommunity outside CommunityProvider');
  return c;
}
