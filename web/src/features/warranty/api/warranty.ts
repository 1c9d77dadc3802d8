import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateLiaisonBody,
  LiaisonActionPath,
  LiaisonDetail,
  LiaisonSummary,
  liaisonListQuery,
  warrantyCandidate,
  WarrantyStatusView,
} from '../../../../../src/contract/warranty';
import { ApiError } from '../../../lib/api-error';
import { api, unwrap } from '../../../lib/api-client';

export type { CreateLiaisonBody, LiaisonActionPath, LiaisonDetail, LiaisonSummary, WarrantyStatusView };
export type WarrantyCandidate = z.infer<typeof warrantyCandidate>;
export type LiaisonListParams = Partial<z.output<typeof liaisonListQuery>>;

const keys = {
  list: (p: object) => ['warranty', 'list', p] as const,
  one: (id: string) => ['warranty', 'one', id] as const,
  order: (id: string) => ['warranty', 'order', id] as const,
  candidates: (communityId: string | null) => ['warranty', 'candidates', communityId] as const,
};

export const useLiaisons = (p: LiaisonListParams) =>
  useQuery({
    queryKey: keys.list(p),
    queryFn: async () => {
      const r: { items: LiaisonSummary[]; total: number } = await unwrap(api.GET('/api/liaison-forms', { params: { query: p } }));
      return r;
    },
    placeholderData: keepPreviousData,
  });

export const useLiaison = (id: string) =>
  useQuery({
    queryKey: keys.one(id),
    queryFn: async () => {
      const r: LiaisonDetail = await unwrap(api.GET('/api/liaison-forms/{id}', { params: { path: { id } } }));
      return r;
    },
  });

export const useOrderWarranty = (orderId: string) =>
  useQuery({
    queryKey: keys.order(orderId),
    queryFn: async () => {
      const r: WarrantyStatusView = await unwrap(api.GET('/api/warranty/repair-orders/{id}', { params: { path: { id: orderId } } }));
      return r;
    },
    // People who do not see warranty (a department, a resident) get a refusal: no point asking again.
    retry: false,
  });

export const useCandidates = (communityId: string | null) =>
  useQuery({
    queryKey: keys.candidates(communityId),
    queryFn: async () => {
      const r: { items: WarrantyCandidate[] } = await unwrap(
        api.GET('/api/warranty/candidates', { params: { query: { communityId: communityId ?? undefined } } }),
      );
      return r.items;
    },
    enabled: !!communityId,
  });

export function useCreateLiaison() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateLiaisonBody) => {
      const d: LiaisonDetail = await unwrap(api.POST('/api/liaison-forms', { body }));
      return d;
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['warranty'] }),
  });
}

type Call = (id: string, body: never) => Promise<{ data?: LiaisonDetail; error?: unknown; response: Response }>;
const p = (id: string) => ({ path: { id } });
/** One typed call per action, so the API document is checked against every body the UI sends. */
const calls: Record<LiaisonActionPath, Call> = {
  receive: (id, body) => api.POST('/api/liaison-forms/{id}/receive', { params: p(id), body }),
  reply: (id, body) => api.POST('/api/liaison-forms/{id}/reply', { params: p(id), body }),
  'report-repaired': (id, body) => api.POST('/api/liaison-forms/{id}/report-repaired', { params: p(id), body }),
  'record-visit': (id, body) => api.POST('/api/liaison-forms/{id}/record-visit', { params: p(id), body }),
  chase: (id, body) => api.POST('/api/liaison-forms/{id}/chase', { params: p(id), body }),
  cancel: (id, body) => api.POST('/api/liaison-forms/{id}/cancel', { params: p(id), body }),
};

export function useLiaisonAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, action, body }: { id: string; action: LiaisonActionPath; body: Record<string, unknown> }) => {
      const d: LiaisonDetail = await unwrap(calls[action](id, body as never));
      return d;
    },
    onSuccess: (d) => {
      qc.setQueryData(keys.one(d.id), d);
      void qc.invalidateQueries({ queryKey: ['warranty'] });
    },
  });
}

/** Adds a photo to a listed defect (multipart field "file"). */
export async function uploadItemPhoto(formId: string, itemId: string, file: File): Promise<{ id: string; url: string }> {
  const form = new FormData();
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch(`/api/liaison-forms/${encodeURIComponent(formId)}/items/${encodeURIComponent(itemId)}/photos`, {
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
