import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { SaveQuestionnaireBody } from '../../contract/questionnaires.js';
import { systemActor } from '../../domain/access/roles.js';
import { can } from '../../domain/access/permissions.js';
import { localDateOf } from '../../domain/calendar/work-calendar.js';
import { duePeriod, endOfLocalDay, isAllowed, issueSchedule } from '../../domain/questionnaires/lifecycle.js';
import { conflict, invalid } from '../../domain/shared/errors.js';
import type { Executor } from '../../db/client.js';
import { roomLabel } from '../../db/repositories/org.js';
import { buildings, communities, questionnaireHouseholds, questionnaires, residents, rooms } from '../../db/schema/index.js';
import { communityScope, type Deps, loadPolicy, type Principal, requirePermission, writableCommunity } from '../context.js';
import {
  byCommunity,
  calendarOf,
  communityNames,
  countsOf,
  householdsOf,
  type QuestionnaireRow,
  type QuestionnaireSummary,
  summarise,
  timing,
  visibleQuestionnaire,
} from './store.js';

type Issuer = Pick<Principal, 'id' | 'name' | 'companyId'>;

const notEditable = () =>
  conflict('questionnaire_issued', { zh: '问卷已发放，不能再修改或重复发放', en: 'The questionnaire has been issued already' });

const periodTaken = () => {
  const message = { zh: '该小区本期已有问卷', en: 'This community already has a questionnaire for this period' };
  return invalid('period_taken', message, [{ field: 'period', message }]);
};

/** The items as saved: an edited item keeps its id (answers refer to it), a new one gets one. */
function itemsOf(body: SaveQuestionnaireBody, existing: QuestionnaireRow['items'] = []) {
  return body.items.map((item, i) => {
    if (item.id && !existing.some((e) => e.id === item.id)) {
      const message = { zh: '问卷项目不存在', en: 'No such item' };
      throw invalid('invalid_field', message, [{ field: `items.${i}.id`, message }]);
    }
    return { id: item.id ?? randomUUID(), text: item.text };
  });
}

async function periodFree(ex: Executor, companyId: string, communityId: string, period: string, except?: string) {
  const [other] = await ex
    .select({ id: questionnaires.id })
    .from(questionnaires)
    .where(and(eq(questionnaires.companyId, companyId), eq(questionnaires.communityId, communityId), eq(questionnaires.period, period)));
  if (other && other.id !== except) throw periodTaken();
}

/** Drafts a questionnaire of a community (客服主管): its title, period and items. */
export async function createQuestionnaire(deps: Deps, p: Principal, body: SaveQuestionnaireBody): Promise<string> {
  requirePermission(p, 'questionnaire.manage');
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const community = await writableCommunity(tx, p, body.communityId);
    await periodFree(tx, p.companyId, community.id, body.period);
    const id = randomUUID();
    await tx.insert(questionnaires).values({
      id,
      companyId: p.companyId,
      communityId: community.id,
      title: body.title,
      period: body.period,
      items: itemsOf(body),
      status: 'draft',
      createdById: p.id,
      createdAt: now,
      updatedAt: now,
    });
    return id;
  });
}

/** Edits a draft; once issued its items are what the households answer and stay as they are. */
export async function updateQuestionnaire(deps: Deps, p: Principal, id: string, body: SaveQuestionnaireBody): Promise<void> {
  requirePermission(p, 'questionnaire.manage');
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const q = await visibleQuestionnaire(tx, p, id, true);
    if (body.communityId !== q.communityId) {
      const message = { zh: '问卷不能换小区', en: 'A questionnaire cannot move to another community' };
      throw invalid('invalid_field', message, [{ field: 'communityId', message }]);
    }
    if (!isAllowed('edit', (await timing(tx, q, now)).phase)) throw notEditable();
    await periodFree(tx, p.companyId, q.communityId, body.period, q.id);
    await tx
      .update(questionnaires)
      .set({ title: body.title, period: body.period, items: itemsOf(body, q.items), updatedAt: now })
      .where(eq(questionnaires.id, id));
  });
}

/** The questionnaires of the communities the person sees, newest period first, with their recovery. */
export async function listQuestionnaires(deps: Deps, p: Principal, communityId?: string): Promise<QuestionnaireSummary[]> {
  requirePermission(p, 'questionnaire.view');
  const ex = deps.database.db;
  const scope = await communityScope(ex, p, communityId);
  const rows = await ex
    .select()
    .from(questionnaires)
    .where(byCommunity(p.companyId, scope))
    .orderBy(desc(questionnaires.period), asc(questionnaires.communityId));
  const counts = await countsOf(
    ex,
    rows.map((r) => r.id),
  );
  const names = await communityNames(ex, p.companyId);
  const now = deps.clock.now();
  return Promise.all(rows.map((q) => summarise(ex, q, counts.get(q.id), names.get(q.communityId) ?? '', now)));
}

/** One questionnaire with its items and every household it went to (answered or not). */
export async function getQuestionnaire(deps: Deps, p: Principal, id: string) {
  requirePermission(p, 'questionnaire.view');
  const ex = deps.database.db;
  const q = await visibleQuestionnaire(ex, p, id);
  const households = await householdsOf(ex, q.id);
  const names = await communityNames(ex, p.companyId);
  const summary = await summarise(
    ex,
    q,
    await countsOf(ex, [q.id]).then((m) => m.get(q.id)),
    names.get(q.communityId) ?? '',
    deps.clock.now(),
  );
  return {
    ...summary,
    items: q.items,
    households: households.map((h) => ({
      roomId: h.roomId,
      roomLabel: h.roomLabel,
      answeredAt: h.answeredAt?.toISOString() ?? null,
      channel: (h.channel as 'phone' | 'paper' | null) ?? null,
      answeredByName: h.answeredByName,
    })),
    canManage: can(p.role, 'questionnaire.manage') && p.communityId === q.communityId,
    canEnterPaper: can(p.role, 'questionnaire.enter_paper') && p.communityId === q.communityId,
  };
}

/**
 * Issues a draft to every occupied household of its community (问卷发放量是已入住业户数量, 每个单元必须发到):
 * every room with a resident now. Sets the recovery deadline in working days (the company's days off
 * skipped) and keeps the rules in force. Only a draft is issued, once; in one transaction.
 */
async function issueInTx(tx: Executor, q: QuestionnaireRow, by: Issuer, now: Date): Promise<number> {
  const policy = await loadPolicy(tx, q.companyId, q.communityId);
  const schedule = issueSchedule(now, policy.questionnaire, calendarOf(policy), policy.timezone);
  const claimed = await tx
    .update(questionnaires)
    .set({
      status: 'issued',
      issuedAt: now,
      issuedById: by.id,
      issuedByName: by.name,
      recoveryDeadline: schedule.recoveryDeadline,
      statisticsDeadline: schedule.statisticsDeadline,
      closesAt: endOfLocalDay(schedule.recoveryDeadline, policy.timezone),
      policy: policy.questionnaire,
      updatedAt: now,
    })
    .where(and(eq(questionnaires.id, q.id), eq(questionnaires.status, 'draft')))
    .returning({ id: questionnaires.id });
  if (claimed.length === 0) throw notEditable();
  const occupied = await tx
    .selectDistinct({
      id: rooms.id,
      building: buildings.name,
      sortOrder: buildings.sortOrder,
      unit: rooms.unit,
      number: rooms.number,
      floor: rooms.floor,
    })
    .from(rooms)
    .innerJoin(buildings, eq(buildings.id, rooms.buildingId))
    .innerJoin(residents, eq(residents.roomId, rooms.id))
    .where(and(eq(rooms.companyId, q.companyId), eq(rooms.communityId, q.communityId)))
    .orderBy(asc(buildings.sortOrder), asc(rooms.unit), asc(rooms.floor), asc(rooms.number));
  if (occupied.length > 0) {
    await tx
      .insert(questionnaireHouseholds)
      .values(
        occupied.map((r, i) => ({
          id: randomUUID(),
          companyId: q.companyId,
          communityId: q.communityId,
          questionnaireId: q.id,
          roomId: r.id,
          roomLabel: roomLabel(r.building, r.unit, r.number),
          sortOrder: i,
        })),
      )
      .onConflictDoNothing();
  }
  return occupied.length;
}

/** Issues a draft now, on demand (the CS supervisor). */
export async function issueQuestionnaire(deps: Deps, p: Principal, id: string): Promise<void> {
  requirePermission(p, 'questionnaire.manage');
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const q = await visibleQuestionnaire(tx, p, id, true);
    await writableCommunity(tx, p, q.communityId);
    if (!isAllowed('issue', (await timing(tx, q, now)).phase)) throw notEditable();
    await issueInTx(tx, q, p, now);
  });
}

/**
 * The twice-yearly issue (每年6月、12月), run by the scheduler: in an issue month, from the issue day
 * on, every community gets this period's questionnaire issued. A draft the CS supervisor prepared
 * is issued as it is; without one, the items of the community's last questionnaire are used, or the
 * policy's standard items. A period already issued is left alone, so running it again does nothing.
 * Resolves with how many questionnaires it issued.
 */
export async function issueDueQuestionnaires(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const db = deps.database.db;
  let issued = 0;
  for (const c of await db.select({ id: communities.id, companyId: communities.companyId }).from(communities)) {
    const policy = await loadPolicy(db, c.companyId, c.id);
    const period = duePeriod(localDateOf(now, policy.timezone), policy.questionnaire);
    if (!period) continue;
    const system = systemActor(c.companyId, c.id);
    issued += await db.transaction(async (tx) => {
      const scope = and(eq(questionnaires.companyId, c.companyId), eq(questionnaires.communityId, c.id));
      const [last] = await tx.select().from(questionnaires).where(scope).orderBy(desc(questionnaires.createdAt)).limit(1);
      const [y, m] = period.split('-');
      await tx
        .insert(questionnaires)
        .values({
          id: randomUUID(),
          companyId: c.companyId,
          communityId: c.id,
          title: `${y}年${Number(m)}月业户满意度问卷调查`,
          period,
          items: (last?.items.map((i) => i.text) ?? policy.questionnaire.standardItems).map((text) => ({ id: randomUUID(), text })),
          status: 'draft',
          createdById: system.id,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing();
      const [q] = await tx
        .select()
        .from(questionnaires)
        .where(and(scope, eq(questionnaires.period, period)))
        .for('update');
      if (q?.status !== 'draft') return 0;
      await issueInTx(tx, q, system, now);
      return 1;
    });
  }
  return issued;
}

/** The questionnaires of some communities by id (the resident's pages). */
export const questionnairesByIds = (ex: Executor, ids: string[]) =>
  ids.length ? ex.select().from(questionnaires).where(inArray(questionnaires.id, ids)) : Promise.resolve([] as QuestionnaireRow[]);
