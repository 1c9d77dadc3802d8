import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CaseAnalysisBody, ReportDetail, ReportSummary, reportListQuery } from '../../../../../src/contract/reports';
import { api, unwrap } from '../../../lib/api-client';

export type { CaseAnalysisBody, ReportDetail, ReportSummary };
export type ReportListParams = Partial<z.output<typeof reportListQuery>>;

export const useReports = (p: ReportListParams) =>
  useQuery({
    queryKey: ['reports', 'list', p],
    queryFn: async () => {
      const page: { items: ReportSummary[]; total: number } = await unwrap(api.GET('/api/reports', { params: { query: p } }));
      return page;
    },
    placeholderData: keepPreviousData,
  });

export const useReport = (id: string) =>
  useQuery({
    queryKey: ['reports', 'one', id],
    queryFn: async () => {
      const d: ReportDetail = await unwrap(api.GET('/api/reports/{id}', { params: { path: { id } } }));
      return d;
    },
  });

function useReportMutation<B, R>(fn: (b: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: ['reports'] }) });
}

export const useGenerateReports = () =>
  useReportMutation(async (body: { communityId: string; period: string }) => {
    const r: { items: ReportSummary[]; created: number } = await unwrap(api.POST('/api/reports/generate', { body }));
    return r;
  });

export const useWriteAnalysis = (id: string) =>
  useReportMutation(async (body: CaseAnalysisBody) => {
    const d: ReportDetail = await unwrap(api.PUT('/api/reports/{id}/analysis', { params: { path: { id } }, body }));
    return d;
  });

/** The report's steps without a body: regenerate, submit, receive. */
export const useReportStep = (id: string) =>
  useReportMutation(async (step: 'regenerate' | 'submit' | 'receive') => {
    const path = {
      regenerate: '/api/reports/{id}/regenerate',
      submit: '/api/reports/{id}/submit',
      receive: '/api/reports/{id}/receive',
    } as const;
    const d: ReportDetail = await unwrap(api.POST(path[step], { params: { path: { id } } }));
    return d;
  });

export const exportUrl = (id: string) => `/api/reports/${id}/export`;
export const printUrl = (id: string) => `/print/reports/${id}`;
