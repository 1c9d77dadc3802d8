import { randomUUID } from 'node:crypto';
import type { GenerateReportsBody } from '../../contract/reports.js';
import type { Actor } from '../../domain/access/roles.js';
import { complaintFigures } from '../../domain/reports/complaint-figures.js';
import type { ReportKind } from '../../domain/reports/machine.js';
import { periodBounds, periodOf, previousPeriod, reportDueAt } from '../../domain/reports/period.js';
import { invalid } from '../../domain/shared/errors.js';
import type { Policy } from '../../domain/policy/policy.js';
import type { Executor } from '../../db/client.js';
import { insertNotifications } from '../../db/repositories/notifications.js';
import { communities } from '../../db/schema/index.js';
import { publishLive } from '../../notify/live.js';
import { type Deps, loadPolicy, type Principal, requirePermission, writableCommunity } from '../context.js';
import { ownerVisitSummary } from '../owner-visits/summary.js';
import { complaintsReceived, occupiedHouseholds } from './month-complaints.js';
import { reportSummaryOf } from './present.js';
import { draftsNewlyOverdue, insertReportOnce, type ReportRow, reportsOfMonth, updateReport } from './store.js';

/** The figures of one report kind for a community's month, taken now. */
export async function takeFigures(
  ex: Executor,
  companyId: string,
  communityId: string,
  kind: ReportKind,
  period: string,
  policy: Policy,
): Promise<unknown> {
  if (kind === 'owner_visits') return ownerVisitSummary(ex, { companyId, communityId, month: period });
  const { from, to } = periodBounds(period, policy.timezone);
  const month = await complaintsReceived(ex, companyId, communityId, from, to);
  return complaintFigures(period, month, await occupiedHouseholds(ex, companyId, communityId), policy.complaint);
}

/** A role-wide notice to a community's people (no ticket: the report is the subject). */
export async function noticeRoles(
  ex: Executor,
  r: Pick<ReportRow, 'companyId' | 'communityId' | 'period'>,
  roles: string[],
  kind: string,
  title: { zh: string; en: string },
  now: Date,
  communityWide = true,
): Promise<void> {
  await insertNotifications(
    ex,
    roles.map((role) => ({
      id: randomUUID(),
      companyId: r.companyId,
      communityId: communityWide ? r.communityId : null,
      userId: null,
      role,
      ticketId: null,
      kind,
      titleZh: title.zh,
      titleEn: title.en,
      body: r.period,
      createdAt: now,
    })),
  );
  await publishLive(ex, { type: 'notification', companyId: r.companyId, communityId: r.communityId });
}

const kindNames: Record<ReportKind, { zh: string; en: string }> = {
  complaints: { zh: '部门客户投诉工作月报', en: 'monthly complaint report' },
  owner_visits: { zh: '业户访问月度汇总', en: 'owner-visit summary' },
};

/**
 * Makes a community's reports of a month that do not exist yet, as drafts due by the policy day
 * of the next month (下月5日前 [003]). Existing reports are left as they are, so running it twice,
 * or in two server processes at once, makes each report once.
 */
export async function generateMonthReports(
  ex: Executor,
  actor: Pick<Actor, 'name' | 'companyId'>,
  communityId: string,
  period: string,
  now: Date,
): Promise<{ rows: ReportRow[]; created: number }> {
  const policy = await loadPolicy(ex, actor.companyId, communityId);
  const existing = await reportsOfMonth(ex, actor.companyId, communityId, period);
  const dueAt = reportDueAt(period, policy.complaint.monthlyReportDay, policy.timezone);
  let created = 0;
  for (const kind of ['complaints', 'owner_visits'] as const) {
    if (existing.some((r) => r.kind === kind)) continue;
    const figures = await takeFigures(ex, actor.companyId, communityId, kind, period, policy);
    const isNew = await insertReportOnce(ex, {
      id: randomUUID(),
      companyId: actor.companyId,
      communityId,
      kind,
      period,
      status: 'draft',
      figures,
      analysis: { summary: '', cases: [] },
      dueAt,
      isOverdue: now.getTime() >= dueAt.getTime(),
      generatedAt: now,
      generatedByName: actor.name,
      createdAt: now,
      updatedAt: now,
    });
    if (!isNew) continue;
    created += 1;
    const day = policy.complaint.monthlyReportDay;
    await noticeRoles(
      ex,
      { companyId: actor.companyId, communityId, period },
      ['cs_supervisor'],
      'ReportGenerated',
      {
        zh: `${period}${kindNames[kind].zh}已生成，请于次月${day}日前填写并上报`,
        en: `The ${kindNames[kind].en} of ${period} is ready: fill it in and submit it by day ${day}`,
      },
      now,
    );
  }
  return { rows: await reportsOfMonth(ex, actor.companyId, communityId, period), created };
}

/** Generate now (立即生成): a month's reports of one community, for the demo and for late set-ups. */
export async function generateReports(deps: Deps, p: Principal, body: GenerateReportsBody) {
  requirePermission(p, 'report.generate');
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const community = await writableCommunity(tx, p, body.communityId);
    const policy = await loadPolicy(tx, p.companyId, community.id);
    // A month in progress may be generated (and regenerated later); a month to come has nothing to report.
    if (body.period > periodOf(now, policy.timezone)) {
      throw invalid('future_period', { zh: '不能生成未来月份的月报', en: 'A month to come has no report yet' }, [
        { field: 'period', message: { zh: '请选择本月或以前的月份', en: 'Choose this month or an earlier one' } },
      ]);
    }
    const { rows, created } = await generateMonthReports(tx, p, community.id, body.period, now);
    return { items: rows.map((r) => reportSummaryOf(r, community.name)), created };
  });
}

/**
 * The periodic duty: on the 1st (and every hour after, until done) each community's reports of
 * last month, in the community's time zone; then drafts past their due time are flagged overdue
 * and the CS supervisor and the director are told, once. Resolves with how many rows it changed.
 */
export async function generateDueReports(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const db = deps.database.db;
  let changed = 0;
  for (const c of await db.select({ id: communities.id, companyId: communities.companyId }).from(communities)) {
    const policy = await loadPolicy(db, c.companyId, c.id);
    const period = previousPeriod(periodOf(now, policy.timezone));
    const have = await reportsOfMonth(db, c.companyId, c.id, period);
    if (have.length >= 2) continue;
    const { created } = await db.transaction((tx) =>
      generateMonthReports(tx, { name: '系统 System', companyId: c.companyId }, c.id, period, now),
    );
    changed += created;
  }
  return changed + (await flagOverdueReports(deps));
}

/** Flags every draft past its due time (once) and tells the CS supervisor and the director (逾期未报). */
export async function flagOverdueReports(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const due = await draftsNewlyOverdue(tx, now);
    for (const r of due) {
      await updateReport(tx, r.id, { isOverdue: true, updatedAt: now });
      const name = kindNames[r.kind as ReportKind];
      await noticeRoles(
        tx,
        r,
        ['cs_supervisor', 'director'],
        'ReportOverdue',
        { zh: `${r.period}${name.zh}已逾期未上报`, en: `The ${name.en} of ${r.period} is overdue at the complaint centre` },
        now,
      );
    }
    return due.length;
  });
}
