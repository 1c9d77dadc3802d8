import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  BookVisitBody,
  followUpIssueBody,
  MonthView,
  OwnerVisitView,
  proposalList,
  RecordUnbookedBody,
  RecordVisitBody,
  recordUnbookedBody,
  recordVisitBody,
} from '../../../../../src/contract/owner-visits';
import { api, unwrap } from '../../../lib/api-client';

export type { MonthView, OwnerVisitView, RecordVisitBody };
export type ProposalList = z.infer<typeof proposalList>;
export type Proposal = ProposalList['items'][number];
export type RecordInput = z.input<typeof recordVisitBody>;
export type RecordUnbookedInput = z.input<typeof recordUnbookedBody>;

const root = ['owner-visits'] as const;
const keys = {
  month: (communityId: string | null, month: string) => [...root, 'month', communityId, month] as const,
  proposals: (communityId: string | null, month: string) => [...root, 'proposals', communityId, month] as const,
};

/** A community's month: plan and quota, fulfilment, every visit. */
export const useOwnerVisitMonth = (communityId: string | null, month: string) =>
  useQuery({
    queryKey: keys.month(communityId, month),
    queryFn: async () => {
      // The generated type reads the by-method record as partial; the server always sends every method.
      const r = await unwrap(api.GET('/api/owner-visits', { params: { query: { communityId: communityId ?? undefined, month } } }));
      return r as MonthView;
    },
  });

/** Households proposed for the month. */
export const useOwnerVisitProposals = (communityId: string | null, month: string, enabled: boolean) =>
  useQuery({
    queryKey: keys.proposals(communityId, month),
    queryFn: async () => {
      const r: ProposalList = await unwrap(
        api.GET('/api/owner-visits/proposals', { params: { query: { communityId: communityId ?? undefined, month } } }),
      );
      return r;
    },
    enabled,
  });

function useOwnerVisitMutation<A>(fn: (a: A) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: root }) });
}

export const useMakePlan = () =>
  useOwnerVisitMutation((b: { communityId: string; month: string }) => unwrap(api.POST('/api/owner-visits/plans', { body: b })));

export const useBookVisit = () => useOwnerVisitMutation((b: BookVisitBody) => unwrap(api.POST('/api/owner-visits/bookings', { body: b })));

export const useRecordVisit = () =>
  useOwnerVisitMutation(({ id, body }: { id: string; body: RecordInput }) =>
    unwrap(api.POST('/api/owner-visits/{id}/record', { params: { path: { id } }, body: body as RecordVisitBody })),
  );

export const useRecordUnbooked = () =>
  useOwnerVisitMutation((body: RecordUnbookedInput) => unwrap(api.POST('/api/owner-visits/records', { body: body as RecordUnbookedBody })));

export const useRescheduleVisit = () =>
  useOwnerVisitMutation(({ id, bookedFor }: { id: string; bookedFor: string }) =>
    unwrap(api.POST('/api/owner-visits/{id}/reschedule', { params: { path: { id } }, body: { bookedFor } })),
  );

export const useCancelVisit = () =>
  useOwnerVisitMutation(({ id, reason }: { id: string; reason: string }) =>
    unwrap(api.POST('/api/owner-visits/{id}/cancel', { params: { path: { id } }, body: { reason } })),
  );

export const useFollowUpIssue = () =>
  useOwnerVisitMutation(({ id, index, body }: { id: string; index: number; body: z.infer<typeof followUpIssueBody> }) =>
    unwrap(api.POST('/api/owner-visits/{id}/issues/{index}/follow-up', { params: { path: { id, index } }, body })),
  );
