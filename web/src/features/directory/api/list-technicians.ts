import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { technicianView } from '../../../../../src/contract/directory';
import { api, unwrap } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type Technician = z.infer<typeof technicianView>;

export async function listTechnicians(communityId: string): Promise<Technician[]> {
  const list: Technician[] = await unwrap(api.GET('/api/technicians', { params: { query: { communityId } } }));
  return list;
}

export const useTechnicians = (communityId: string | null | undefined) =>
  useQuery({
    queryKey: queryKeys.technicians(communityId ?? ''),
    queryFn: () => listTechnicians(communityId!),
    enabled: !!communityId,
  });
