import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { z } from 'zod';
import type { myTicket } from '../../../../../src/contract/resident';

export type MyTicket = z.infer<typeof myTicket>;
export type MyTicketKind = MyTicket['kind'];
export type RatingOutcome = NonNullable<MyTicket['rating']>['outcome'];

/** The resident's own tickets (all kinds, or one), newest first. Refreshed by live updates (`orders` family). */
export const useMyTickets = (kind?: MyTicketKind) =>
  useQuery({
    queryKey: ['orders', 'mine', kind ?? 'all'],
    queryFn: () => unwrap(api.GET('/api/my/tickets', { params: { query: { kind } } })),
  });

export function useRateTicket() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { ticketId: string; outcome: RatingOutcome; comment: string }) =>
      unwrap(
        api.POST('/api/tickets/{id}/rating', { params: { path: { id: v.ticketId } }, body: { outcome: v.outcome, comment: v.comment } }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['orders'] }),
  });
}
