import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export interface Community {
  id: string;
  name: string;
  code: string;
}

export async function listCommunities(): Promise<Community[]> {
  const list: Community[] = await unwrap(api.GET('/api/communities'));
  return list;
}

export const useCommunities = (enabled = true) =>
  useQuery({ queryKey: queryKeys.communities, queryFn: listCommunities, staleTime: 10 * 60_000, enabled });
