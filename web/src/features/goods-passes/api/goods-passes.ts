import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ApplyGoodsPassBody,
  DailyReview,
  GoodsPassActionPath,
  GoodsPassDetail,
  GoodsPassSummary,
  goodsPassListQuery,
} from '../../../../../src/contract/goods-pass';
import { api, unwrap } from '../../../lib/api-client';

export type { ApplyGoodsPassBody, DailyReview, GoodsPassActionPath, GoodsPassDetail, GoodsPassSummary };
export type GoodsPassListParams = Partial<z.output<typeof goodsPassListQuery>>;

export const goodsPassKeys = {
  list: (p: object) => ['goods-passes', 'list', p] as const,
  one: (id: string) => ['goods-passes', 'one', id] as const,
  review: (communityId: string | null, day: string | undefined) => ['goods-passes', 'review', communityId, day] as const,
};

export const useGoodsPasses = (p: GoodsPassListParams) =>
  useQuery({
    queryKey: goodsPassKeys.list(p),
    queryFn: async () => {
      const page: { items: GoodsPassSummary[]; total: number } = await unwrap(api.GET('/api/goods-passes', { params: { query: p } }));
      return page;
    },
    placeholderData: keepPreviousData,
  });

export const useGoodsPass = (id: string) =>
  useQuery({
    queryKey: goodsPassKeys.one(id),
    queryFn: async () => {
      const d: GoodsPassDetail = await unwrap(api.GET('/api/goods-passes/{id}', { params: { path: { id } } }));
      return d;
    },
  });

/** The gate's look-up: run on demand, never cached across passes. */
export async function lookUpPass(q: string): Promise<GoodsPassDetail> {
  const d: GoodsPassDetail = await unwrap(api.GET('/api/goods-passes/lookup', { params: { query: { q } } }));
  return d;
}

export function useApplyGoodsPass() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: ApplyGoodsPassBody) => {
      const d: GoodsPassDetail = await unwrap(api.POST('/api/goods-passes', { body }));
      return d;
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['goods-passes'] }),
  });
}

type Call = (id: string, body: never) => Promise<{ data?: GoodsPassDetail; error?: unknown; response: Response }>;
const p = (id: string) => ({ path: { id } });
/** One typed call per action, so the API document is checked against every body the UI sends. */
const calls: Record<GoodsPassActionPath, Call> = {
  issue: (id, body) => api.POST('/api/goods-passes/{id}/issue', { params: p(id), body }),
  override: (id, body) => api.POST('/api/goods-passes/{id}/override', { params: p(id), body }),
  release: (id, body) => api.POST('/api/goods-passes/{id}/release', { params: p(id), body }),
  return: (id, body) => api.POST('/api/goods-passes/{id}/return', { params: p(id), body }),
  cancel: (id, body) => api.POST('/api/goods-passes/{id}/cancel', { params: p(id), body }),
};

export function useGoodsPassAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, action, body }: { id: string; action: GoodsPassActionPath; body: Record<string, unknown> }) => {
      const d: GoodsPassDetail = await unwrap(calls[action](id, body as never));
      return d;
    },
    onSuccess: (d) => {
      qc.setQueryData(goodsPassKeys.one(d.id), d);
      void qc.invalidateQueries({ queryKey: ['goods-passes', 'list'] });
      void qc.invalidateQueries({ queryKey: ['goods-passes', 'review'] });
    },
  });
}

export const useDailyReview = (communityId: string | null, day: string | undefined) =>
  useQuery({
    queryKey: goodsPassKeys.review(communityId, day),
    queryFn: async () => {
      const r: DailyReview = await unwrap(
        api.GET('/api/goods-passes/daily-review', { params: { query: { communityId: communityId ?? undefined, day } } }),
      );
      return r;
    },
  });

export function useMarkDayReviewed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { communityId: string; day: string; note?: string }) => {
      const r: DailyReview = await unwrap(api.POST('/api/goods-passes/daily-review', { body }));
      return r;
    },
    onSuccess: (r) => qc.setQueryData(goodsPassKeys.review(r.communityId, r.day), r),
  });
}
