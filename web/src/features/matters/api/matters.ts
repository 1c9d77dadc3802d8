import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateMatterBody, MatterActionPath, MatterDetail, MatterSummary, matterListQuery } from '../../../../../src/contract/matter';
import { api, unwrap } from '../../../lib/api-client';

export type { CreateMatterBody, MatterActionPath, MatterDetail, MatterSummary };
export type MatterListParams = Partial<z.output<typeof matterListQuery>>;

export const matterKeys = {
  list: (p: object) => ['matters', 'list', p] as const,
  one: (id: string) => ['matters', 'one', id] as const,
  supervisors: (communityId: string | null) => ['matters', 'supervisors', communityId] as const,
};

export const useMatters = (p: MatterListParams) =>
  useQuery({
    queryKey: matterKeys.list(p),
    queryFn: async () => {
      const page: { items: MatterSummary[]; total: number } = await unwrap(api.GET('/api/matters', { params: { query: p } }));
      return page;
    },
    placeholderData: keepPreviousData,
  });

export const useMatter = (id: string) =>
  useQuery({
    queryKey: matterKeys.one(id),
    queryFn: async () => {
      const d: MatterDetail = await unwrap(api.GET('/api/matters/{id}', { params: { path: { id } } }));
      return d;
    },
  });

export const useSupervisors = (communityId: string | null, enabled: boolean) =>
  useQuery({
    queryKey: matterKeys.supervisors(communityId),
    queryFn: async () => {
      const r: { items: { id: string; name: string; role: string }[] } = await unwrap(
        api.GET('/api/matters/supervisors', { params: { query: { communityId: communityId ?? undefined } } }),
      );
      return r.items;
    },
    enabled,
  });

export function useCreateMatter() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateMatterBody) => {
      const d: MatterDetail = await unwrap(api.POST('/api/matters', { body }));
      return d;
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['matters'] }),
  });
}

type Call = (id: string, body: never) => Promise<{ data?: MatterDetail; error?: unknown; response: Response }>;
const p = (id: string) => ({ path: { id } });
/** One typed call per action, so the API document is checked against every body the UI sends. */
const calls: Record<MatterActionPath, Call> = {
  send: (id, body) => api.POST('/api/matters/{id}/send', { params: p(id), body }),
  'hand-over': (id, body) => api.POST('/api/matters/{id}/hand-over', { params: p(id), body }),
  decline: (id, body) => api.POST('/api/matters/{id}/decline', { params: p(id), body }),
  accept: (id, body) => api.POST('/api/matters/{id}/accept', { params: p(id), body }),
  complete: (id, body) => api.POST('/api/matters/{id}/complete', { params: p(id), body }),
  chase: (id, body) => api.POST('/api/matters/{id}/chase', { params: p(id), body }),
  reopen: (id, body) => api.POST('/api/matters/{id}/reopen', { params: p(id), body }),
  close: (id, body) => api.POST('/api/matters/{id}/close', { params: p(id), body }),
  cancel: (id, body) => api.POST('/api/matters/{id}/cancel', { params: p(id), body }),
};

export function useMatterAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, action, body }: { id: string; action: MatterActionPath; body: Record<string, unknown> }) => {
      const d: MatterDetail = await unwrap(calls[action](id, body as never));
      return d;
    },
    onSuccess: (d) => {
      qc.setQueryData(matterKeys.one(d.id), d);
      void qc.invalidateQueries({ queryKey: ['matters'] });
      void qc.invalidateQueries({ queryKey: ['visits'] });
    },
  });
}
