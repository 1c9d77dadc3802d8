import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ApplyParkingBody,
  createSpaceBody,
  ParkingActionPath,
  ParkingDetail,
  ParkingSummary,
  parkingListQuery,
  spaceList,
  spaceListQuery,
  spaceView,
  updateSpaceBody,
} from '../../../../../src/contract/parking';
import { api, unwrap } from '../../../lib/api-client';
import { ApiError } from '../../../lib/api-error';

export type { ApplyParkingBody, ParkingActionPath, ParkingDetail, ParkingSummary };
export type ParkingListParams = Partial<z.output<typeof parkingListQuery>>;
export type SpaceListParams = Partial<z.output<typeof spaceListQuery>>;
export type Space = z.infer<typeof spaceView>;

export const parkingKeys = {
  list: (p: object) => ['parking', 'list', p] as const,
  one: (id: string) => ['parking', 'one', id] as const,
  spaces: (p: object) => ['parking', 'spaces', p] as const,
};

export const useParkingList = (p: ParkingListParams) =>
  useQuery({
    queryKey: parkingKeys.list(p),
    queryFn: async () => {
      const page: { items: ParkingSummary[]; total: number } = await unwrap(api.GET('/api/parking/applications', { params: { query: p } }));
      return page;
    },
    placeholderData: keepPreviousData,
  });

export const useParking = (id: string) =>
  useQuery({
    queryKey: parkingKeys.one(id),
    queryFn: async () => {
      const d: ParkingDetail = await unwrap(api.GET('/api/parking/applications/{id}', { params: { path: { id } } }));
      return d;
    },
  });

export const useSpaces = (p: SpaceListParams, enabled = true) =>
  useQuery({
    queryKey: parkingKeys.spaces(p),
    queryFn: async () => {
      const r: z.infer<typeof spaceList> = await unwrap(api.GET('/api/parking/spaces', { params: { query: p } }));
      return r;
    },
    enabled,
    placeholderData: keepPreviousData,
  });

export function useCreateSpace() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: z.input<typeof createSpaceBody>) => {
      const s: Space = await unwrap(api.POST('/api/parking/spaces', { body }));
      return s;
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['parking', 'spaces'] }),
  });
}

export function useUpdateSpace() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: z.input<typeof updateSpaceBody> }) => {
      const s: Space = await unwrap(api.PATCH('/api/parking/spaces/{id}', { params: { path: { id } }, body }));
      return s;
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['parking', 'spaces'] }),
  });
}

export function useApplyParking() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: ApplyParkingBody) => {
      const d: ParkingDetail = await unwrap(api.POST('/api/parking/applications', { body }));
      return d;
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['parking'] }),
  });
}

type Call = (id: string, body: never) => Promise<{ data?: ParkingDetail; error?: unknown; response: Response }>;
const p = (id: string) => ({ path: { id } });
/** One typed call per action, so the API document is checked against every body the UI sends. */
const calls: Record<ParkingActionPath, Call> = {
  assign: (id, body) => api.POST('/api/parking/applications/{id}/assign', { params: p(id), body }),
  reject: (id, body) => api.POST('/api/parking/applications/{id}/reject', { params: p(id), body }),
  'sign-agreement': (id, body) => api.POST('/api/parking/applications/{id}/sign-agreement', { params: p(id), body }),
  pay: (id, body) => api.POST('/api/parking/applications/{id}/pay', { params: p(id), body }),
  'issue-card': (id, body) => api.POST('/api/parking/applications/{id}/issue-card', { params: p(id), body }),
  renew: (id, body) => api.POST('/api/parking/applications/{id}/renew', { params: p(id), body }),
  cancel: (id, body) => api.POST('/api/parking/applications/{id}/cancel', { params: p(id), body }),
};

export function useParkingAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, action, body }: { id: string; action: ParkingActionPath; body: Record<string, unknown> }) => {
      const d: ParkingDetail = await unwrap(calls[action](id, body as never));
      return d;
    },
    onSuccess: (d) => {
      qc.setQueryData(parkingKeys.one(d.id), d);
      void qc.invalidateQueries({ queryKey: ['parking', 'list'] });
      void qc.invalidateQueries({ queryKey: ['parking', 'spaces'] });
    },
  });
}

/** Uploads a document of an application (multipart, so fetched directly). */
export async function uploadParkingDocument(id: string, purpose: string, file: File): Promise<{ id: string }> {
  const form = new FormData();
  form.append('purpose', purpose);
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch(`/api/parking/applications/${encodeURIComponent(id)}/documents`, {
      method: 'POST',
      body: form,
      credentials: 'include',
    });
  } catch {
    throw ApiError.from(0, null);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw ApiError.from(response.status, body);
  return body as { id: string };
}

export const documentUrl = (id: string, fileId: string) => `/api/parking/applications/${id}/documents/${fileId}`;
export const printUrl = (id: string, form: 'agreement' | 'card') => `/print/parking/${id}/${form}`;
