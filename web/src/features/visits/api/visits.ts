import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  SamplingView,
  VisitActionPath,
  VisitDetail,
  VisitSummary,
  visitActionEnum,
  visitBodies,
  visitListQuery,
} from '../../../../../src/contract/visit';
import { api, unwrap } from '../../../lib/api-client';
import { isApiError } from '../../../lib/api-error';

export type { SamplingView, VisitActionPath, VisitDetail, VisitSummary };
/** The action names the server lists in allowedActions ('issue_rectification_notice'). */
export type VisitAction = z.infer<typeof visitActionEnum>;
export type VisitBody<A extends VisitActionPath> = z.input<(typeof visitBodies)[A]>;
export type VisitTab = NonNullable<z.input<typeof visitListQuery>['status']>;

/** The URL form of an action ('rectification-notice'). */
export const visitActionPath = (a: VisitAction): VisitActionPath =>
  a === 'issue_rectification_notice' ? 'rectification-notice' : (a as VisitActionPath);

/** Every visit query lives under 'visits', which live updates make stale. */
export const visitKeys = {
  list: (params: object) => ['visits', 'list', params] as const,
  detail: (id: string) => ['visits', 'detail', id] as const,
  sampling: (communityId: string, period: string) => ['visits', 'sampling', communityId, period] as const,
};

export interface VisitListParams {
  communityId: string | null;
  tab: VisitTab | 'mine';
  ticketKind?: string;
  samplingPeriod?: string;
}

export async function listVisits(p: VisitListParams): Promise<VisitSummary[]> {
  const query = {
    communityId: p.communityId ?? undefined,
    status: p.tab === 'mine' ? ('open' as const) : p.tab,
    mine: p.tab === 'mine' ? ('true' as const) : undefined,
    ticketKind: p.ticketKind || undefined,
    samplingPeriod: p.samplingPeriod,
  };
  const list: VisitSummary[] = await unwrap(api.GET('/api/visits', { params: { query } }));
  return list;
}

export const useVisitList = (p: VisitListParams, enabled = true) =>
  useQuery({ queryKey: visitKeys.list(p), queryFn: () => listVisits(p), placeholderData: keepPreviousData, enabled });

export async function getVisit(id: string): Promise<VisitDetail> {
  const visit: VisitDetail = await unwrap(api.GET('/api/visits/{id}', { params: { path: { id } } }));
  return visit;
}

const noRetryOn4xx = (count: number, e: unknown) => !(isApiError(e) && e.status >= 400 && e.status < 500) && count < 2;

export const useVisit = (id: string | null | undefined) =>
  useQuery({ queryKey: visitKeys.detail(id ?? ''), queryFn: () => getVisit(id!), enabled: !!id, retry: noRetryOn4xx });

/** The visit tasks of one ticket (a repair order lists their ids), each with what the user may do. */
export const useVisitsOf = (ids: string[], enabled: boolean) =>
  useQueries({
    queries: ids.map((id) => ({ queryKey: visitKeys.detail(id), queryFn: () => getVisit(id), enabled, retry: noRetryOn4xx })),
  });

type Call<A extends VisitActionPath> = (
  id: string,
  body: VisitBody<A>,
) => Promise<{ data?: VisitDetail; error?: unknown; response: Response }>;
const p = (id: string) => ({ path: { id } });

/** One typed call per action, so the API document is checked against every body the UI sends. */
const calls: { [A in VisitActionPath]: Call<A> } = {
  assign: (id, body) => api.POST('/api/visits/{id}/assign', { params: p(id), body }),
  book: (id, body) => api.POST('/api/visits/{id}/book', { params: p(id), body }),
  record: (id, body) => api.POST('/api/visits/{id}/record', { params: p(id), body }),
  'rectification-notice': (id, body) => api.POST('/api/visits/{id}/rectification-notice', { params: p(id), body }),
  cancel: (id, body) => api.POST('/api/visits/{id}/cancel', { params: p(id), body }),
};

export interface VisitActionVariables {
  id: string;
  action: VisitAction;
  body: Record<string, unknown>;
}

/** Takes one step on a visit task; the ticket it belongs to may move too (closed, reopened). */
export function useVisitAction() {
  const qc = useQueryClient();
  return useMutation({
    // The forms build each body from the contract's fields; the server validates it again.
    mutationFn: async ({ id, action, body }: VisitActionVariables): Promise<VisitDetail> => {
      const visit: VisitDetail = await unwrap(calls[visitActionPath(action)](id, body as never));
      return visit;
    },
    onSuccess: (visit) => {
      qc.setQueryData(visitKeys.detail(visit.id), visit);
      void qc.invalidateQueries({ queryKey: ['visits'] });
      void qc.invalidateQueries({ queryKey: ['order', visit.ticketId] });
      void qc.invalidateQueries({ queryKey: ['orders'] });
      void qc.invalidateQueries({ queryKey: ['boards'] });
      void qc.invalidateQueries({ queryKey: ['complaints'] });
      void qc.invalidateQueries({ queryKey: ['matters'] });
    },
  });
}

export async function getSampling(communityId: string, period: string): Promise<SamplingView> {
  const view: SamplingView = await unwrap(api.GET('/api/visit-sampling', { params: { query: { communityId, period } } }));
  return view;
}

export const useSampling = (communityId: string | null, period: string) =>
  useQuery({
    queryKey: visitKeys.sampling(communityId ?? '', period),
    queryFn: () => getSampling(communityId!, period),
    enabled: !!communityId,
    placeholderData: keepPreviousData,
  });

export function useDrawSampling() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ communityId, period }: { communityId: string; period: string }): Promise<SamplingView> => {
      const view: SamplingView = await unwrap(api.POST('/api/visit-sampling/draw', { body: { communityId, period } }));
      return view;
    },
    onSuccess: (view) => {
      qc.setQueryData(visitKeys.sampling(view.communityId, view.period), view);
      void qc.invalidateQueries({ queryKey: ['visits'] });
    },
  });
}
