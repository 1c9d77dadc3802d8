import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { buildingView } from '../../../../../src/contract/directory';
import { api, unwrap } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type Building = z.infer<typeof buildingView>;

export async function listBuildings(communityId: string): Promise<Building[]> {
  const list: Building[] = await unwrap(api.GET('/api/buildings', { params: { query: { communityId } } }));
  return list;
}

export const useBuildings = (communityId: string | null) =>
  useQuery({
    queryKey: queryKeys.buildings(communityId ?? ''),
    queryFn: () => listBuildings(communityId!),
    enabled: !!communityId,
    staleTime: 10 * 60_000,
  });
