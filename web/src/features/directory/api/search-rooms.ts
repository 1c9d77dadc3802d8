import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { roomView } from '../../../../../src/contract/directory';
import { api, unwrap } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type Room = z.infer<typeof roomView>;

export interface RoomSearch {
  communityId: string;
  q?: string;
  buildingId?: string;
  unit?: string;
  number?: string;
}

export async function searchRooms(params: RoomSearch): Promise<Room[]> {
  const query = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== '')) as unknown as RoomSearch;
  const list: Room[] = await unwrap(api.GET('/api/rooms', { params: { query } }));
  return list;
}

/** Rooms matching the search; waits until at least one criterion is given. */
export const useRoomSearch = (params: RoomSearch | null) =>
  useQuery({
    queryKey: queryKeys.rooms(params ?? {}),
    queryFn: () => searchRooms(params!),
    enabled: !!params && !!(params.q || params.buildingId || params.unit || params.number),
    placeholderData: keepPreviousData,
  });
