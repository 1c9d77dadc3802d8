import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { CreateRepairInput, RepairDetail } from './types';

export async function createOrder(body: CreateRepairInput): Promise<RepairDetail> {
  const order: RepairDetail = await unwrap(api.POST('/api/repair-orders', { body }));
  return order;
}

export function useCreateOrder() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createOrder,
    onSuccess: (order) => {
      qc.setQueryData(['order', order.id], order);
      void qc.invalidateQueries({ queryKey: ['orders'] });
      void qc.invalidateQueries({ queryKey: ['boards'] });
    },
  });
}
