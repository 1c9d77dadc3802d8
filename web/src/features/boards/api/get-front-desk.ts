import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { frontDeskBoard } from '../../../../../src/contract/repair';
import { api, unwrap } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type FrontDeskBoard = z.infer<typeof frontDeskBoard>;

export async function getFrontDeskBoard(communityId: string | null): Promise<FrontDeskBoard> {
  const board: FrontDeskBoard = await unwrap(
    api.GET('/api/boards/front-desk', { params: { query: { communityId: communityId ?? undefined } } }),
  );
  return board;
}

export const useFrontDeskBoard = (communityId: string | null, enabled = true) =>
  useQuery({
    queryKey: queryKeys.frontDesk(communityId),
    queryFn: () => getFrontDeskBoard(communityId),
    refetchInterval: 60_000,
    enabled,
  });
