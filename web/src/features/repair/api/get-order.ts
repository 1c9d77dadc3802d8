import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { isApiError } from '../../../lib/api-error';
import { queryKeys } from '../../../lib/query-keys';
import type { RepairDetail } from './types';

export async function getOrder(id: string): Promise<RepairDetail> {
  const order: RepairDetail = await unwrap(api.GET('/api/repair-orders/{id}', { params: { path: { id } } }));
  return order;
}

export const useOrder = (id: string | undefined) =>
  useQuery({
    queryKey: queryKeys.order(id ?? ''),
    queryFn: () => getOrder(id!),
    enabled: !!id,
    retry: (count, e) => !(isApiError(e) && e.status >= 400 && e.status < 500) && count < 2,
  });
