import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { type ActionBody, type ActionPath, type RepairAction, type RepairDetail, actionPath } from './types';

type Call<A extends ActionPath> = (
  id: string,
  body: ActionBody<A>,
) => Promise<{ data?: RepairDetail; error?: unknown; response: Response }>;

const p = (id: string) => ({ path: { id } });

/** One typed call per lifecycle action, so the API document is checked against every body the UI sends. */
const calls: { [A in ActionPath]: Call<A> } = {
  grab: (id, body) => api.POST('/api/repair-orders/{id}/grab', { params: p(id), body }),
  assign: (id, body) => api.POST('/api/repair-orders/{id}/assign', { params: p(id), body }),
  accept: (id, body) => api.POST('/api/repair-orders/{id}/accept', { params: p(id), body }),
  decline: (id, body) => api.POST('/api/repair-orders/{id}/decline', { params: p(id), body }),
  'set-off': (id, body) => api.POST('/api/repair-orders/{id}/set-off', { params: p(id), body }),
  arrive: (id, body) => api.POST('/api/repair-orders/{id}/arrive', { params: p(id), body }),
  'verify-code': (id, body) => api.POST('/api/repair-orders/{id}/verify-code', { params: p(id), body }),
  'confirm-by-phone': (id, body) => api.POST('/api/repair-orders/{id}/confirm-by-phone', { params: p(id), body }),
  reschedule: (id, body) => api.POST('/api/repair-orders/{id}/reschedule', { params: p(id), body }),
  'record-work': (id, body) => api.POST('/api/repair-orders/{id}/record-work', { params: p(id), body }),
  hold: (id, body) => api.POST('/api/repair-orders/{id}/hold', { params: p(id), body }),
  resume: (id, body) => api.POST('/api/repair-orders/{id}/resume', { params: p(id), body }),
  'request-quote': (id, body) => api.POST('/api/repair-orders/{id}/request-quote', { params: p(id), body }),
  quote: (id, body) => api.POST('/api/repair-orders/{id}/quote', { params: p(id), body }),
  'accept-quote': (id, body) => api.POST('/api/repair-orders/{id}/accept-quote', { params: p(id), body }),
  'refuse-quote': (id, body) => api.POST('/api/repair-orders/{id}/refuse-quote', { params: p(id), body }),
  complete: (id, body) => api.POST('/api/repair-orders/{id}/complete', { params: p(id), body }),
  confirm: (id, body) => api.POST('/api/repair-orders/{id}/confirm', { params: p(id), body }),
  'reject-completion': (id, body) => api.POST('/api/repair-orders/{id}/reject-completion', { params: p(id), body }),
  'record-payment': (id, body) => api.POST('/api/repair-orders/{id}/record-payment', { params: p(id), body }),
  visit: (id, body) => api.POST('/api/repair-orders/{id}/visit', { params: p(id), body }),
  cancel: (id, body) => api.POST('/api/repair-orders/{id}/cancel', { params: p(id), body }),
  'close-returned': (id, body) => api.POST('/api/repair-orders/{id}/close-returned', { params: p(id), body }),
};

/** Takes one lifecycle step on an order (POST /api/repair-orders/:id/<action>). */
export async function runOrderAction<A extends ActionPath>(id: string, action: A, body: ActionBody<A>): Promise<RepairDetail> {
  const call = calls[action] as Call<A>;
  const order: RepairDetail = await unwrap(call(id, body));
  return order;
}

export interface ActionVariables {
  id: string;
  action: RepairAction;
  body: Record<string, unknown>;
}

export function useOrderAction() {
  const qc = useQueryClient();
  return useMutation({
    // The forms build each body from the contract's fields; the server validates it again.
    mutationFn: ({ id, action, body }: ActionVariables) => runOrderAction(id, actionPath(action), body as never),
    onSuccess: (order) => {
      qc.setQueryData(queryKeys.order(order.id), order);
      void qc.invalidateQueries({ queryKey: ['orders'] });
      void qc.invalidateQueries({ queryKey: ['boards'] });
      void qc.invalidateQueries({ queryKey: ['visits'] });
      void qc.invalidateQueries({ queryKey: ['technicians'] });
    },
  });
}
