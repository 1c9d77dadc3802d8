import { useQuery } from '@tanstack/react-query';
import type { Me } from '../../../../../src/contract/auth';
import { api, unwrap } from '../../../lib/api-client';
import { isApiError } from '../../../lib/api-error';
import { queryKeys } from '../../../lib/query-keys';

export type { Me };

/** The signed-in person, or null when nobody is signed in. */
export async function getMe(): Promise<Me | null> {
  try {
    const me: Me = await unwrap(api.GET('/api/me'));
    return me;
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null;
    throw e;
  }
}

export const useMe = () => useQuery({ queryKey: queryKeys.me, queryFn: getMe, staleTime: 5 * 60_000, retry: 1 });

/** For components rendered only inside a signed-in route guard. */
export function useSignedInMe(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSignedInMe outside a signed-in route');
  return data;
}
