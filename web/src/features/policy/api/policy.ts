import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiResponse, api, unwrap } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type PolicyView = ApiResponse<'/api/policy', 'get'>;

export const getPolicy = (communityId: string | null): Promise<PolicyView> =>
  unwrap(api.GET('/api/policy', { params: { query: { communityId: communityId ?? undefined } } }));

export const usePolicy = (communityId: string | null) =>
  useQuery({ queryKey: queryKeys.policy(communityId), queryFn: () => getPolicy(communityId) });

export interface SavePolicy {
  communityId: string | null;
  /** The scope's whole override: every section it sets (see withSection in src/contract/policy.ts). */
  override: Record<string, unknown>;
  note: string;
}

export function useSavePolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SavePolicy): Promise<PolicyView> => unwrap(api.PUT('/api/policy', { body })),
    onSuccess: (view, body) => {
      qc.setQueryData(queryKeys.policy(body.communityId), view);
      void qc.invalidateQueries({ queryKey: ['policy'] });
    },
  });
}
