import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { RepairStatus, RepairSummary, RepairView } from './types';

export interface OrderListParams {
  communityId?: string | null;
  view?: RepairView;
  status?: RepairStatus[];
  q?: string;
  limit?: number;
  offset?: number;
}

export interface OrderPage {
  items: RepairSummary[];
  total: number;
}

export async function listOrders(p: OrderListParams): Promise<OrderPage> {
  const page: OrderPage = await unwrap(
    api.GET('/api/repair-orders', {
      params: {
        query: {
          communityId: p.communityId ?? undefined,
          view: p.view,
          status: p.status?.length ? p.status : undefined,
          q: p.q?.trim() || undefined,
          limit: p.limit,
          offset: p.offset,
        },
      },
    }),
  );
  return page;
}

export const useOrders = (p: OrderListParams, enabled = true) =>
  useQuery({ queryKey: queryKeys.orders(p), queryFn: () => listOrders(p), placeholderData: keepPreviousData, enabled });
