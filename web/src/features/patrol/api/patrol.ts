import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  dailyReport,
  fulfilmentView,
  MarkCheckpointBody,
  RoundDetail,
  roundList,
  roundListQuery,
  routeView,
  SaveRouteBody,
} from '../../../../../src/contract/patrol';
import { ApiError } from '../../../lib/api-error';
import { api, unwrap } from '../../../lib/api-client';

export type PatrolRoute = z.infer<typeof routeView>;
export type RoundList = z.infer<typeof roundList>;
export type RoundSummary = RoundList['items'][number];
export type RoundListParams = Partial<z.output<typeof roundListQuery>>;
export type Fulfilment = z.infer<typeof fulfilmentView>;
export type DailyReport = z.infer<typeof dailyReport>;
export type { MarkCheckpointBody, RoundDetail, SaveRouteBody };

const keys = {
  routes: (communityId: string | null) => ['patrol', 'routes', communityId] as const,
  rounds: (p: object) => ['patrol', 'rounds', p] as const,
  round: (id: string) => ['patrol', 'round', id] as const,
  fulfilment: (communityId: string | null) => ['patrol', 'fulfilment', communityId] as const,
  daily: (communityId: string | null, date: string) => ['patrol', 'daily', communityId, date] as const,
};

export const usePatrolRoutes = (communityId: string | null) =>
  useQuery({
    queryKey: keys.routes(communityId),
    queryFn: async () => {
      const r: { items: PatrolRoute[] } = await unwrap(
        api.GET('/api/patrol/routes', { params: { query: { communityId: communityId ?? undefined } } }),
      );
      return r.items;
    },
  });

export function useSaveRoute() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string | null; body: SaveRouteBody }) => {
      const r: PatrolRoute = id
        ? await unwrap(api.PUT('/api/patrol/routes/{id}', { params: { path: { id } }, body }))
        : await unwrap(api.POST('/api/patrol/routes', { body }));
      return r;
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['patrol', 'routes'] }),
  });
}

export const usePatrolRounds = (p: RoundListParams) =>
  useQuery({
    queryKey: keys.rounds(p),
    queryFn: async () => {
      const r: RoundList = await unwrap(api.GET('/api/patrol/rounds', { params: { query: p as never } }));
      return r;
    },
    placeholderData: keepPreviousData,
  });

export const usePatrolRound = (id: string | null) =>
  useQuery({
    queryKey: keys.round(id ?? ''),
    queryFn: async () => {
      const r: RoundDetail = await unwrap(api.GET('/api/patrol/rounds/{id}', { params: { path: { id: id! } } }));
      return r;
    },
    enabled: !!id,
  });

export const useFulfilment = (communityId: string | null) =>
  useQuery({
    queryKey: keys.fulfilment(communityId),
    queryFn: async () => {
      const r: Fulfilment = await unwrap(
        api.GET('/api/patrol/fulfilment', { params: { query: { communityId: communityId ?? undefined } } }),
      );
      return r;
    },
    enabled: !!communityId,
  });

export const useDailyReport = (communityId: string | null, date: string) =>
  useQuery({
    queryKey: keys.daily(communityId, date),
    queryFn: async () => {
      const r: DailyReport = await unwrap(
        api.GET('/api/patrol/daily-report', { params: { query: { communityId: communityId ?? undefined, date } } }),
      );
      return r;
    },
    enabled: !!communityId,
  });

function useRoundMutation<V>(call: (v: V) => Promise<RoundDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (d) => {
      qc.setQueryData(keys.round(d.id), d);
      void qc.invalidateQueries({ queryKey: ['patrol', 'rounds'] });
      void qc.invalidateQueries({ queryKey: ['patrol', 'fulfilment'] });
      void qc.invalidateQueries({ queryKey: ['repair'] });
    },
  });
}

export const useStartRound = () =>
  useRoundMutation(async (routeId: string) => unwrap(api.POST('/api/patrol/rounds', { body: { routeId } })) as Promise<RoundDetail>);

export const useMarkCheckpoint = () =>
  useRoundMutation(
    async ({ id, body }: { id: string; body: MarkCheckpointBody }) =>
      unwrap(api.POST('/api/patrol/rounds/{id}/checkpoints', { params: { path: { id } }, body })) as Promise<RoundDetail>,
  );

export const useFinishRound = () =>
  useRoundMutation(
    async ({ id, summary }: { id: string; summary: string }) =>
      unwrap(api.POST('/api/patrol/rounds/{id}/finish', { params: { path: { id } }, body: { summary } })) as Promise<RoundDetail>,
  );

/** Uploads a photo of a finding (multipart field "file"). */
export async function uploadFindingPhoto(roundId: string, findingId: string, file: File): Promise<{ id: string; url: string }> {
  const form = new FormData();
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch(`/api/patrol/rounds/${encodeURIComponent(roundId)}/findings/${encodeURIComponent(findingId)}/photos`, {
      method: 'POST',
      body: form,
      credentials: 'include',
    });
  } catch {
    throw ApiError.from(0, null);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw ApiError.from(response.status, body);
  return body as { id: string; url: string };
}
