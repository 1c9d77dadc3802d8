import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ComplaintActionPath,
  collectiveProposalView,
  complaintActionBodies,
  complaintDetail,
  complaintSummary,
  createComplaintBody,
} from '../../../../src/contract/complaint';
import { api, unwrap } from '../../lib/api-client';

export type ComplaintSummary = z.infer<typeof complaintSummary>;
export type ComplaintDetail = z.infer<typeof complaintDetail>;
export type CollectiveProposal = z.infer<typeof collectiveProposalView>;
export type CreateComplaint = z.input<typeof createComplaintBody>;
export type ActionPath = ComplaintActionPath;
export type ActionBody<A extends ActionPath> = z.input<(typeof complaintActionBodies)[A]>;
export type ComplaintAction = ComplaintDetail['allowedActions'][number];
export const actionPath = (a: ComplaintAction) => a.replaceAll('_', '-') as ActionPath;

export interface ComplaintListParams {
  communityId?: string | null;
  view?: 'active' | 'overdue' | 'closed' | 'all';
  complaintClass?: ComplaintSummary['complaintClass'];
  q?: string;
  from?: string;
  to?: string;
  limit?: number;
}

const keys = {
  all: ['complaints'] as const,
  list: (p: ComplaintListParams) => ['complaints', 'list', p] as const,
  one: (id: string) => ['complaints', 'one', id] as const,
  proposals: (c: string | null) => ['complaints', 'proposals', c] as const,
};

export const useComplaints = (p: ComplaintListParams) =>
  useQuery({
    queryKey: keys.list(p),
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.GET('/api/complaints', {
          params: {
            query: {
              communityId: p.communityId ?? undefined,
              view: p.view,
              complaintClass: p.complaintClass ?? undefined,
              q: p.q?.trim() || undefined,
              from: p.from,
              to: p.to,
              limit: p.limit ?? 100,
            },
          },
        }),
      ),
  });

export const useComplaint = (id: string) =>
  useQuery({ queryKey: keys.one(id), queryFn: () => unwrap(api.GET('/api/complaints/{id}', { params: { path: { id } } })) });

export const useCollectiveProposals = (communityId: string | null, enabled: boolean) =>
  useQuery({
    queryKey: keys.proposals(communityId),
    enabled,
    queryFn: () =>
      unwrap(api.GET('/api/complaints/collective-proposals', { params: { query: { communityId: communityId ?? undefined } } })),
  });

export function useCreateComplaint(isForward = false) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateComplaint) =>
      unwrap(
        isForward ? api.POST('/api/complaints/forward', { body: body as never }) : api.POST('/api/complaints', { body: body as never }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useMergeCollective() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (complaintIds: string[]) => unwrap(api.POST('/api/complaints/merge-collective', { body: { complaintIds } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

/** Runs one lifecycle action; the typed path is checked against the API document. */
export function useComplaintAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: ActionPath; body: Record<string, unknown> }) =>
      unwrap(
        api.POST(`/api/complaints/{id}/${path}` as '/api/complaints/{id}/classify', {
          params: { path: { id } },
          body: body as ActionBody<'classify'>,
        }),
      ),
    onSuccess: (data) => {
      qc.setQueryData(keys.one(id), data);
      void qc.invalidateQueries({ queryKey: keys.all });
    },
  });
}
