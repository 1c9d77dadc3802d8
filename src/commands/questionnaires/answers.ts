import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { AnswerBody } from '../../contract/questionnaires.js';
import { isAllowed, type QuestionnaireAction } from '../../domain/questionnaires/lifecycle.js';
import { type Mark, markOfTicks } from '../../domain/stats/satisfaction.js';
import { conflict, invalid, notFound } from '../../domain/shared/errors.js';
import type { Executor } from '../../db/client.js';
import { questionnaireHouseholds, questionnaires } from '../../db/schema/index.js';
import { type Deps, type Principal, requirePermission } from '../context.js';
import { notFoundQuestionnaire, type QuestionnaireRow, timing, visibleQuestionnaire } from './store.js';

const closed = () =>
  conflict('questionnaire_closed', { zh: '问卷未在回收期内，不能作答', en: 'The questionnaire is not open for answers' });
const answeredAlready = () =>
  conflict('already_answered', { zh: '该户已提交问卷，每户只答一次', en: 'This household has answered already' });

/**
 * The marks of a household in the questionnaire's item order, from what was ticked on each item:
 * one tick is that mark, none or several an abstention, an item left out an abstention.
 */
export function marksOf(q: Pick<QuestionnaireRow, 'items'>, body: AnswerBody): Mark[] {
  const seen = new Set<string>();
  body.answers.forEach((a, i) => {
    const message = !q.items.some((item) => item.id === a.itemId)
      ? { zh: '问卷中没有该项目', en: 'No such item in the questionnaire' }
      : seen.has(a.itemId)
        ? { zh: '同一项目重复填写', en: 'The item is answered twice' }
        : null;
    if (message) throw invalid('invalid_field', message, [{ field: `answers.${i}.itemId`, message }]);
    seen.add(a.itemId);
  });
  return q.items.map((item) => markOfTicks(body.answers.find((a) => a.itemId === item.id)?.ticks ?? []));
}

/** Records one household's answer, once, while the questionnaire is open. */
async function recordAnswer(
  tx: Executor,
  q: QuestionnaireRow,
  roomId: string,
  body: AnswerBody,
  channel: 'phone' | 'paper',
  by: Pick<Principal, 'id' | 'name'>,
  now: Date,
  action: QuestionnaireAction,
): Promise<void> {
  if (!isAllowed(action, (await timing(tx, q, now)).phase)) throw closed();
  const marks = marksOf(q, body);
  const [household] = await tx
    .select()
    .from(questionnaireHouseholds)
    .where(and(eq(questionnaireHouseholds.questionnaireId, q.id), eq(questionnaireHouseholds.roomId, roomId)))
    .for('update');
  if (!household) {
    const message = { zh: '问卷未发放给该户', en: 'The questionnaire was not issued to this household' };
    throw invalid('not_issued', message, [{ field: 'roomId', message }]);
  }
  const updated = await tx
    .update(questionnaireHouseholds)
    .set({ marks, comment: body.comment || null, channel, answeredAt: now, answeredById: by.id, answeredByName: by.name })
    .where(and(eq(questionnaireHouseholds.id, household.id), isNull(questionnaireHouseholds.answeredAt)))
    .returning({ id: questionnaireHouseholds.id });
  if (updated.length === 0) throw answeredAlready();
}

/**
 * The clerk enters a paper form recovered from a household: the ticks as they are on the paper
 * (blank or several on an item are recorded as an abstention).
 */
export async function enterPaperAnswer(deps: Deps, p: Principal, id: string, body: AnswerBody & { roomId: string }): Promise<void> {
  requirePermission(p, 'questionnaire.enter_paper');
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const q = await visibleQuestionnaire(tx, p, id);
    await recordAnswer(tx, q, body.roomId, body, 'paper', p, now, 'enter_paper');
  });
}

/** The open and past questionnaires issued to the resident's households. */
export async function residentQuestionnaires(deps: Deps, p: Principal) {
  requirePermission(p, 'questionnaire.answer');
  const ex = deps.database.db;
  if (p.roomIds.length === 0) return { items: [], awaiting: 0 };
  const rows = await ex
    .select({ q: questionnaires, h: questionnaireHouseholds })
    .from(questionnaireHouseholds)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireHouseholds.questionnaireId))
    .where(and(eq(questionnaireHouseholds.companyId, p.companyId), inArray(questionnaireHouseholds.roomId, p.roomIds)))
    .orderBy(desc(questionnaires.period), asc(questionnaireHouseholds.sortOrder));
  const now = deps.clock.now();
  const byId = new Map<string, { q: QuestionnaireRow; households: (typeof rows)[number]['h'][] }>();
  for (const r of rows) {
    const entry = byId.get(r.q.id) ?? { q: r.q, households: [] };
    entry.households.push(r.h);
    byId.set(r.q.id, entry);
  }
  let awaiting = 0;
  const items = [];
  for (const { q, households } of byId.values()) {
    const { phase, daysLeft } = await timing(ex, q, now);
    if (phase === 'open') awaiting += households.filter((h) => !h.answeredAt).length;
    items.push({
      id: q.id,
      title: q.title,
      period: q.period,
      phase,
      recoveryDeadline: q.recoveryDeadline,
      workingDaysLeft: daysLeft,
      items: q.items,
      households: households.map((h) => ({ roomId: h.roomId, roomLabel: h.roomLabel, answeredAt: h.answeredAt?.toISOString() ?? null })),
    });
  }
  return { items, awaiting };
}

/**
 * A resident answers on the phone, for one of their own households (one answer per household; the
 * room may be left out when they have one household the questionnaire went to).
 */
export async function answerQuestionnaire(deps: Deps, p: Principal, id: string, body: AnswerBody): Promise<void> {
  requirePermission(p, 'questionnaire.answer');
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const [q] = await tx.select().from(questionnaires).where(eq(questionnaires.id, id));
    if (!q || q.companyId !== p.companyId || p.roomIds.length === 0) throw notFoundQuestionnaire();
    const own = await tx
      .select({ roomId: questionnaireHouseholds.roomId })
      .from(questionnaireHouseholds)
      .where(and(eq(questionnaireHouseholds.questionnaireId, q.id), inArray(questionnaireHouseholds.roomId, p.roomIds)));
    // Another household's questionnaire, or a room that is not theirs, is not revealed.
    if (own.length === 0) throw notFoundQuestionnaire();
    const roomId = body.roomId ?? (own.length === 1 ? own[0]!.roomId : undefined);
    if (!roomId) {
      const message = { zh: '请选择作答的房屋', en: 'Choose the household you answer for' };
      throw invalid('invalid_field', message, [{ field: 'roomId', message }]);
    }
    if (!own.some((o) => o.roomId === roomId)) throw notFound({ zh: '房屋', en: 'Household' });
    await recordAnswer(tx, q, roomId, body, 'phone', p, now, 'answer');
  });
}
