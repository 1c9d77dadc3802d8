import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ApplyHotWorkBody,
  HotWorkActionPath,
  HotWorkDetail,
  HotWorkSummary,
  hotWorkListQuery,
} from '../../../../../src/contract/hot-work';
import { api, unwrap } from '../../../lib/api-client';
import { ApiError } from '../../../lib/api-error';

export type { ApplyHotWorkBody, HotWorkActionPath, HotWorkDetail, HotWorkSummary };
export type HotWorkListParams = Partial<z.output<typeof hotWorkListQuery>>;

export const hotWorkKeys = {
  list: (p: object) => ['hot-work', 'list', p] as const,
  one: (id: string) => ['hot-work', 'one', id] as const,
};

export const useHotWorkList = (p: HotWorkListParams) =>
  useQuery({
    queryKey: hotWorkKeys.list(p),
    queryFn: async () => {
      const page: { items: HotWorkSummary[]; total: number } = await unwrap(api.GET('/api/hot-work', { params: { query: p } }));
      return page;
    },
    placeholderData: keepPreviousData,
  });

export const useHotWork = (id: string | null) =>
  useQuery({
    queryKey: hotWorkKeys.one(id ?? ''),
    queryFn: async () => {
      const d: HotWorkDetail = await unwrap(api.GET('/api/hot-work/{id}', { params: { path: { id: id ?? '' } } }));
      return d;
    },
    enabled: !!id,
  });

export function useApplyHotWork() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: ApplyHotWorkBody) => {
      const d: HotWorkDetail = await unwrap(api.POST('/api/hot-work', { body }));
      return d;
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['hot-work'] }),
  });
}

type Call = (id: string, body: never) => Promise<{ data?: HotWorkDetail; error?: unknown; response: Response }>;
const p = (id: string) => ({ path: { id } });
/** One typed call per action, so the API document is checked against every body the UI sends. */
const calls: Record<HotWorkActionPath, Call> = {
  'approve-cs': (id, body) => api.POST('/api/hot-work/{id}/approve-cs', { params: p(id), body }),
  'approve-engineering': (id, body) => api.POST('/api/hot-work/{id}/approve-engineering', { params: p(id), body }),
  reject: (id, body) => api.POST('/api/hot-work/{id}/reject', { params: p(id), body }),
  inspect: (id, body) => api.POST('/api/hot-work/{id}/inspect', { params: p(id), body }),
  close: (id, body) => api.POST('/api/hot-work/{id}/close', { params: p(id), body }),
  cancel: (id, body) => api.POST('/api/hot-work/{id}/cancel', { params: p(id), body }),
};

export function useHotWorkAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, action, body }: { id: string; action: HotWorkActionPath; body: Record<string, unknown> }) => {
      const d: HotWorkDetail = await unwrap(calls[action](id, body as never));
      return d;
    },
    onSuccess: (d) => {
      qc.setQueryData(hotWorkKeys.one(d.id), d);
      void qc.invalidateQueries({ queryKey: ['hot-work', 'list'] });
    },
  });
}

/** Attaches a photo to one of the signed-in inspector's inspections (multipart, so fetched directly). */
export async function uploadInspectionPhoto(permitId: string, inspectionId: string, file: File): Promise<{ id: string }> {
  const form = new FormData();
  form.append('inspectionId', inspectionId);
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch(`/api/hot-work/${encodeURIComponent(permitId)}/photos`, { method: 'POST', body: form, credentials: 'include' });
  } catch {
    throw ApiError.from(0, null);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw ApiError.from(response.status, body);
  return body as { id: string };
}

export const photoUrl = (permitId: string, fileId: string) => `/api/hot-work/${permitId}/photos/${fileId}`;
export const printUrl = (permitId: string, form: 'application' | 'permit') => `/print/hot-work/${permitId}/${form}`;
