import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { dispatchBoard } from '../../../../../src/contract/repair';
import { api, unwrap } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type DispatchBoard = z.infer<typeof dispatchBoard>;

export async function getDispatchBoard(communityId: string | null): Promise<DispatchBoard> {
  const board: DispatchBoard = await unwrap(
    api.GET('/api/boards/dispatch', { params: { query: { communityId: communityId ?? undefined } } }),
  );
  return board;
}

export const useDispatchBoard = (communityId: string | null) =>
  useQuery({ queryKey: queryKeys.dispatch(communityId), queryFn: () => getDispatchBoard(communityId), refetchInterval: 60_000 });
