import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ApiResponse, api, unwrap } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type VisitTask = ApiResponse<'/api/visits', 'get'>[number];
export type VisitStatus = 'pending' | 'done';

export const listVisits = (communityId: string | null, status: VisitStatus): Promise<VisitTask[]> =>
  unwrap(api.GET('/api/visits', { params: { query: { communityId: communityId ?? undefined, status } } }));

export const useVisits = (communityId: string | null, status: VisitStatus) =>
  useQuery({
    queryKey: queryKeys.visits({ communityId, status }),
    queryFn: () => listVisits(communityId, status),
    placeholderData: keepPreviousData,
  });
