import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AnswerBody,
  questionnaireDetail,
  questionnaireSummary,
  residentQuestionnaireList,
  SaveQuestionnaireBody,
  statisticsView,
} from '../../../../../src/contract/questionnaires';
import { api, unwrap } from '../../../lib/api-client';

export type QuestionnaireSummary = z.infer<typeof questionnaireSummary>;
export type QuestionnaireDetail = z.infer<typeof questionnaireDetail>;
export type QuestionnaireStatistics = z.infer<typeof statisticsView>;
export type ResidentQuestionnaires = z.infer<typeof residentQuestionnaireList>;
export type ResidentQuestionnaire = ResidentQuestionnaires['items'][number];
export type Tick = 'satisfied' | 'basically_satisfied' | 'unsatisfied';
export type { AnswerBody, SaveQuestionnaireBody };

const keys = {
  list: (communityId: string | null) => ['questionnaires', 'list', communityId] as const,
  one: (id: string) => ['questionnaires', 'one', id] as const,
  statistics: (id: string) => ['questionnaires', 'statistics', id] as const,
  mine: ['questionnaires', 'mine'] as const,
};

/** Where the printable 问卷结果统计表 and its Excel export are served. */
export const statisticsPrintUrl = (id: string) => `/print/questionnaires/${id}/statistics`;
export const statisticsXlsxUrl = (id: string) => `/api/questionnaires/${id}/statistics.xlsx`;

export const useQuestionnaires = (communityId: string | null) =>
  useQuery({
    queryKey: keys.list(communityId),
    queryFn: async () => {
      const r: { items: QuestionnaireSummary[] } = await unwrap(
        api.GET('/api/questionnaires', { params: { query: { communityId: communityId ?? undefined } } }),
      );
      return r.items;
    },
  });

export const useQuestionnaire = (id: string) =>
  useQuery({
    queryKey: keys.one(id),
    queryFn: async () => {
      const r: QuestionnaireDetail = await unwrap(api.GET('/api/questionnaires/{id}', { params: { path: { id } } }));
      return r;
    },
  });

export const useQuestionnaireStatistics = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: keys.statistics(id),
    queryFn: async () => {
      const r: QuestionnaireStatistics = await unwrap(api.GET('/api/questionnaires/{id}/statistics', { params: { path: { id } } }));
      return r;
    },
    enabled,
  });

export function useSaveQuestionnaire() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string | null; body: SaveQuestionnaireBody }) => {
      const r: QuestionnaireDetail = id
        ? await unwrap(api.PUT('/api/questionnaires/{id}', { params: { path: { id } }, body }))
        : await unwrap(api.POST('/api/questionnaires', { body }));
      return r;
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['questionnaires'] }),
  });
}

export function useIssueQuestionnaire() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      const r: QuestionnaireDetail = await unwrap(api.POST('/api/questionnaires/{id}/issue', { params: { path: { id } } }));
      return r;
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['questionnaires'] }),
  });
}

export function useEnterPaperAnswer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: AnswerBody & { roomId: string } }) => {
      const r: QuestionnaireDetail = await unwrap(api.POST('/api/questionnaires/{id}/paper-answers', { params: { path: { id } }, body }));
      return r;
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['questionnaires'] }),
  });
}

export const useResidentQuestionnaires = (enabled = true) =>
  useQuery({
    queryKey: keys.mine,
    queryFn: async () => {
      const r: ResidentQuestionnaires = await unwrap(api.GET('/api/resident/questionnaires'));
      return r;
    },
    enabled,
  });

export function useAnswerQuestionnaire() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: AnswerBody }) =>
      unwrap(api.POST('/api/resident/questionnaires/{id}/answers', { params: { path: { id } }, body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.mine }),
  });
}
