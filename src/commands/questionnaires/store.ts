import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { chineseWorkCalendar, localDateOf, type WorkCalendar } from '../../domain/calendar/work-calendar.js';
import { phaseOf, type QuestionnairePhase, workingDaysLeft } from '../../domain/questionnaires/lifecycle.js';
import { recoveryRate } from '../../domain/stats/satisfaction.js';
import { notFound } from '../../domain/shared/errors.js';
import type { Policy } from '../../domain/policy/policy.js';
import type { Executor } from '../../db/client.js';
import { communities, questionnaireHouseholds, questionnaires } from '../../db/schema/index.js';
import type { questionnaireSummary } from '../../contract/questionnaires.js';
import type { z } from 'zod';
import { loadPolicy, type Principal } from '../context.js';
import { isCompanyLevel } from '../../domain/access/roles.js';

export type QuestionnaireRow = typeof questionnaires.$inferSelect;
export type HouseholdRow = typeof questionnaireHouseholds.$inferSelect;
export type QuestionnaireSummary = z.infer<typeof questionnaireSummary>;

/** The working-day calendar with the company's own days off (kept with the renovation rules' calendar). */
export const calendarOf = (policy: Policy): WorkCalendar =>
  chineseWorkCalendar({ extraHolidays: policy.renovation.extraHolidays, extraWorkingDays: policy.renovation.extraWorkingDays });

export const notFoundQuestionnaire = () => notFound({ zh: '问卷', en: 'Questionnaire' });

/** Rounds a percentage to 2 decimals for the API; absent stays null ("—"). */
export const pct = (v: number | undefined): number | null => (v === undefined ? null : Math.round(v * 100) / 100);

/**
 * A questionnaire a staff member may see: their company, and their own community unless they are
 * company-level staff. Anything else is "not found" (it is not revealed).
 */
export async function visibleQuestionnaire(ex: Executor, p: Principal, id: string, lock = false): Promise<QuestionnaireRow> {
  const query = ex.select().from(questionnaires).where(eq(questionnaires.id, id));
  const [q] = lock ? await query.for('update') : await query;
  if (!q || q.companyId !== p.companyId) throw notFoundQuestionnaire();
  if (p.role !== 'resident' && !isCompanyLevel(p.role) && q.communityId !== p.communityId) throw notFoundQuestionnaire();
  return q;
}

/** Issued and answered households of each questionnaire. */
export async function countsOf(ex: Executor, ids: string[]): Promise<Map<string, { issued: number; answered: number }>> {
  if (ids.length === 0) return new Map();
  const rows = await ex
    .select({
      id: questionnaireHouseholds.questionnaireId,
      issued: sql<number>`count(*)::int`,
      answered: sql<number>`count(${questionnaireHouseholds.answeredAt})::int`,
    })
    .from(questionnaireHouseholds)
    .where(inArray(questionnaireHouseholds.questionnaireId, ids))
    .groupBy(questionnaireHouseholds.questionnaireId);
  return new Map(rows.map((r) => [r.id, { issued: Number(r.issued), answered: Number(r.answered) }]));
}

export const householdsOf = (ex: Executor, questionnaireId: string): Promise<HouseholdRow[]> =>
  ex
    .select()
    .from(questionnaireHouseholds)
    .where(eq(questionnaireHouseholds.questionnaireId, questionnaireId))
    .orderBy(asc(questionnaireHouseholds.sortOrder));

export async function communityNames(ex: Executor, companyId: string): Promise<Map<string, string>> {
  const rows = await ex
    .select({ id: communities.id, name: communities.name })
    .from(communities)
    .where(eq(communities.companyId, companyId));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Today's phase and working days left, in the community's calendar. */
export async function timing(
  ex: Executor,
  q: QuestionnaireRow,
  now: Date,
): Promise<{ phase: QuestionnairePhase; daysLeft: number | null }> {
  const phase = phaseOf({ status: q.status as 'draft' | 'issued', closesAt: q.closesAt }, now);
  if (!q.recoveryDeadline) return { phase, daysLeft: null };
  const policy = await loadPolicy(ex, q.companyId, q.communityId);
  return { phase, daysLeft: workingDaysLeft(localDateOf(now, policy.timezone), q.recoveryDeadline, calendarOf(policy)) };
}

/** The list and detail figures of a questionnaire. */
export async function summarise(
  ex: Executor,
  q: QuestionnaireRow,
  counts: { issued: number; answered: number } | undefined,
  communityName: string,
  now: Date,
): Promise<QuestionnaireSummary> {
  const { phase, daysLeft } = await timing(ex, q, now);
  const issued = counts?.issued ?? 0;
  const answered = counts?.answered ?? 0;
  const recovery = recoveryRate(answered, issued);
  return {
    id: q.id,
    communityId: q.communityId,
    communityName,
    title: q.title,
    period: q.period,
    phase,
    itemCount: q.items.length,
    issuedAt: q.issuedAt?.toISOString() ?? null,
    recoveryDeadline: q.recoveryDeadline,
    statisticsDeadline: q.statisticsDeadline,
    issued,
    answered,
    recoveryPercent: pct(recovery),
    isRecoveryMet: recovery !== undefined && q.policy !== null && recovery >= q.policy.minRecoveryPercent,
    workingDaysLeft: daysLeft,
  };
}

export const byCommunity = (companyId: string, communityIds: string[] | null) =>
  and(eq(questionnaires.companyId, companyId), communityIds ? inArray(questionnaires.communityId, communityIds) : undefined);
