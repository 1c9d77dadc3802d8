import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateRenovationBody,
  RenovationActionPath,
  RenovationDetail,
  RenovationSummary,
  patrolListQuery,
  patrolTaskList,
  renovationListQuery,
} from '../../../../../src/contract/renovation';
import { api, unwrap } from '../../../lib/api-client';
import { ApiError } from '../../../lib/api-error';

export type { CreateRenovationBody, RenovationActionPath, RenovationDetail, RenovationSummary };
export type RenovationListParams = Partial<z.output<typeof renovationListQuery>>;
export type RenovationAction = RenovationDetail['allowedActions'][number];
export type DocumentCode = RenovationDetail['documents'][number]['code'];
export type PatrolTaskList = z.infer<typeof patrolTaskList>;
export type PatrolTask = PatrolTaskList['items'][number];
export type PatrolListParams = Partial<z.output<typeof patrolListQuery>>;

/** The URL form of an action ('pass_check' → 'pass-check'). */
export const actionPath = (a: RenovationAction) => a.replaceAll('_', '-') as RenovationActionPath;

export const renovationKeys = {
  all: ['renovations'] as const,
  list: (p: object) => ['renovations', 'list', p] as const,
  one: (id: string) => ['renovations', 'one', id] as const,
  patrols: (p: object) => ['renovations', 'patrols', p] as const,
};

export const useRenovations = (p: RenovationListParams, enabled = true) =>
  useQuery({
    queryKey: renovationKeys.list(p),
    queryFn: async () => {
      const page: { items: RenovationSummary[]; total: number } = await unwrap(
        api.GET('/api/renovations', { params: { query: p as never } }),
      );
      return page;
    },
    placeholderData: keepPreviousData,
    enabled,
  });

export const useRenovation = (id: string) =>
  useQuery({
    queryKey: renovationKeys.one(id),
    queryFn: async () => {
      const d: RenovationDetail = await unwrap(api.GET('/api/renovations/{id}', { params: { path: { id } } }));
      return d;
    },
  });

export function useCreateRenovation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateRenovationBody) => {
      const d: RenovationDetail = await unwrap(api.POST('/api/renovations', { body }));
      return d;
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: renovationKeys.all }),
  });
}

type Call = (id: string, body: never) => Promise<{ data?: RenovationDetail; error?: unknown; response: Response }>;
const p = (id: string) => ({ path: { id } });
/** One typed call per action, so the API document is checked against every body the UI sends. */
const calls: Record<RenovationActionPath, Call> = {
  edit: (id, body) => api.POST('/api/renovations/{id}/edit', { params: p(id), body }),
  'pass-check': (id, body) => api.POST('/api/renovations/{id}/pass-check', { params: p(id), body }),
  return: (id, body) => api.POST('/api/renovations/{id}/return', { params: p(id), body }),
  approve: (id, body) => api.POST('/api/renovations/{id}/approve', { params: p(id), body }),
  reject: (id, body) => api.POST('/api/renovations/{id}/reject', { params: p(id), body }),
  resubmit: (id, body) => api.POST('/api/renovations/{id}/resubmit', { params: p(id), body }),
  withdraw: (id, body) => api.POST('/api/renovations/{id}/withdraw', { params: p(id), body }),
  'record-payment': (id, body) => api.POST('/api/renovations/{id}/record-payment', { params: p(id), body }),
  'record-patrol': (id, body) => api.POST('/api/renovations/{id}/record-patrol', { params: p(id), body }),
  'record-violation': (id, body) => api.POST('/api/renovations/{id}/record-violation', { params: p(id), body }),
  'issue-notice': (id, body) => api.POST('/api/renovations/{id}/issue-notice', { params: p(id), body }),
  recheck: (id, body) => api.POST('/api/renovations/{id}/recheck', { params: p(id), body }),
  'decide-penalty': (id, body) => api.POST('/api/renovations/{id}/decide-penalty', { params: p(id), body }),
  'resume-work': (id, body) => api.POST('/api/renovations/{id}/resume-work', { params: p(id), body }),
  'book-inspection': (id, body) => api.POST('/api/renovations/{id}/book-inspection', { params: p(id), body }),
  'record-acceptance': (id, body) => api.POST('/api/renovations/{id}/record-acceptance', { params: p(id), body }),
  'book-refund': (id, body) => api.POST('/api/renovations/{id}/book-refund', { params: p(id), body }),
  'record-refund': (id, body) => api.POST('/api/renovations/{id}/record-refund', { params: p(id), body }),
};

/** Runs one step of a renovation; the page shows the answer at once. */
export function useRenovationAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, action, body }: { id: string; action: RenovationActionPath; body: Record<string, unknown> }) => {
      const d: RenovationDetail = await unwrap(calls[action](id, body as never));
      return d;
    },
    onSuccess: (d) => {
      qc.setQueryData(renovationKeys.one(d.id), d);
      void qc.invalidateQueries({ queryKey: renovationKeys.all });
    },
  });
}

export function useMarkSigned(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ documentId, isSigned }: { documentId: string; isSigned: boolean }) => {
      const d: RenovationDetail = await unwrap(
        api.POST('/api/renovations/{id}/documents/{documentId}/signed', { params: { path: { id, documentId } }, body: { isSigned } }),
      );
      return d;
    },
    onSuccess: (d) => {
      qc.setQueryData(renovationKeys.one(d.id), d);
      void qc.invalidateQueries({ queryKey: renovationKeys.all });
    },
  });
}

/** The files the API takes (it sniffs the bytes again), and their size limit. */
export const uploadTypes = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'];
export const photoUploadTypes = ['image/jpeg', 'image/png', 'image/webp'];
export const maxUploadBytes = 10 * 1024 * 1024;

/** Why a file may not be uploaded, as an i18n key, or null when it may. */
export function uploadProblem(
  file: { type: string; size: number },
  types: readonly string[] = uploadTypes,
): 'renovation.documents.wrongType' | 'renovation.documents.tooLarge' | null {
  if (!types.includes(file.type)) return 'renovation.documents.wrongType';
  if (file.size > maxUploadBytes) return 'renovation.documents.tooLarge';
  return null;
}

/** Posts a multipart form (text fields first, then the file, as the server reads them). */
async function postForm(url: string, fields: Record<string, string>, file: File | Blob): Promise<unknown> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', body: form, credentials: 'include' });
  } catch {
    throw ApiError.from(0, null);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw ApiError.from(response.status, body);
  return body;
}

/** Adds (or replaces) one document of the application file. */
export function useUploadDocument(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, isSigned, file }: { code: DocumentCode; isSigned: boolean; file: File | Blob }) =>
      postForm(`/api/renovations/${encodeURIComponent(id)}/documents`, { code, isSigned: String(isSigned) }, file),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: renovationKeys.one(id) });
      void qc.invalidateQueries({ queryKey: renovationKeys.all });
    },
  });
}

/** A photo of a patrol or a violation. */
export function useUploadPhoto() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, purpose, targetId, file }: { id: string; purpose: 'patrol' | 'violation'; targetId: string; file: File | Blob }) =>
      postForm(`/api/renovations/${encodeURIComponent(id)}/photos`, { purpose, targetId }, file),
    onSuccess: (_d, v) => {
      void qc.invalidateQueries({ queryKey: renovationKeys.one(v.id) });
      void qc.invalidateQueries({ queryKey: renovationKeys.all });
    },
  });
}

/** Where a stored file of a renovation opens (in a new tab). */
export const fileUrl = (id: string, fileId: string) => `/api/renovations/${encodeURIComponent(id)}/files/${encodeURIComponent(fileId)}`;

/** The printed forms. */
export const printUrl = {
  application: (id: string) => `/print/renovations/${id}/application`,
  permit: (id: string) => `/print/renovations/${id}/permit`,
  acceptance: (id: string, inspectionId?: string) =>
    `/print/renovations/${id}/acceptance${inspectionId ? `?inspectionId=${encodeURIComponent(inspectionId)}` : ''}`,
  notice: (id: string, violationId: string) => `/print/renovations/${id}/violations/${violationId}/notice`,
};

export const openInNewTab = (url: string) => window.open(url, '_blank', 'noopener');

/** Today's (or a day's) patrols due for the signed-in person's duty. */
export const usePatrolTasks = (p: PatrolListParams) =>
  useQuery({
    queryKey: renovationKeys.patrols(p),
    queryFn: async () => {
      const list: PatrolTaskList = await unwrap(api.GET('/api/renovation-patrols', { params: { query: p as never } }));
      return list;
    },
  });
